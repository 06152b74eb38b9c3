import { asArray, asInteger, asObject } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/** Host ports the ECS agent and Docker reserve on every EC2 container instance. */
export const RESERVED_HOST_PORTS = [22, 2375, 2376, 51678, 51679, 51680];

const validPort = (p: number) => p >= 1 && p <= 65535;

/**
 * Port mappings by network mode: awsvpc and host need hostPort absent or equal to containerPort;
 * bridge allows any hostPort (0 or absent = dynamic); none allows no mappings. Ports are 1–65535.
 */
export const portMappings: Rule = {
  id: 'port-mappings',
  summary: 'Port mappings suit the network mode and use valid port numbers.',
  learnMore: { lesson: { id: 'networking-modes', section: 'port-mappings' }, docs: DOCS.portMapping },
  check({ containers, networkMode }) {
    const out: Finding[] = [];
    for (const c of containers) {
      const label = c.name ?? `#${c.index + 1}`;
      if (networkMode === 'none') {
        if (asArray(c.def.portMappings).length === 0) continue;
        const pointer = `${c.pointer}/portMappings`;
        out.push(
          finding(this, {
            awsMessage: 'Port mappings are not supported when networkMode=none.',
            explanation:
              'With the "none" network mode a task has no external network connectivity, so it cannot publish ports. Remove the port mappings or choose another network mode.',
            pointer,
            fixes: [{ title: 'Remove the port mappings', edits: [{ pointer, remove: true }] }],
          }),
        );
        continue;
      }
      asArray(c.def.portMappings).forEach((raw, i) => {
        const mapping = asObject(raw);
        if (!mapping) return;
        const pointer = `${c.pointer}/portMappings/${i}`;
        const containerPort = asInteger(mapping.containerPort);
        const hostPort = asInteger(mapping.hostPort);
        if (mapping.containerPortRange !== undefined) return; // checked by port-ranges
        if (containerPort === undefined || !validPort(containerPort)) {
          if (mapping.containerPort === undefined || containerPort !== undefined) {
            out.push(
              finding(this, {
                awsMessage: `Invalid 'containerPort' setting for container '${label}'.`,
                explanation:
                  'Each port mapping needs "containerPort": the port your application listens on inside the container, from 1 to 65535.',
                pointer: mapping.containerPort === undefined ? pointer : `${pointer}/containerPort`,
              }),
            );
          }
          return;
        }
        if (hostPort !== undefined && (hostPort < 0 || hostPort > 65535)) {
          out.push(
            finding(this, {
              awsMessage: `Invalid 'hostPort' setting for container '${label}'.`,
              explanation: 'A host port is a number from 0 to 65535 (0 means "pick one for me" in bridge mode).',
              pointer: `${pointer}/hostPort`,
            }),
          );
          return;
        }
        if (
          (networkMode === 'awsvpc' || networkMode === 'host') &&
          hostPort !== undefined &&
          hostPort !== containerPort
        ) {
          out.push(
            finding(this, {
              awsMessage: `When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`,
              explanation:
                networkMode === 'awsvpc'
                  ? 'In awsvpc mode the task has its own network interface, so the container port is the port on that interface. Leave "hostPort" out or set it to the same number.'
                  : 'In host mode the container uses the instance\'s network directly, so it listens on the instance\'s port itself. Leave "hostPort" out or set it to the same number.',
              pointer: `${pointer}/hostPort`,
              fixes: [
                {
                  title: `Set hostPort to ${containerPort}`,
                  edits: [{ pointer: `${pointer}/hostPort`, value: containerPort }],
                },
                { title: 'Remove hostPort', edits: [{ pointer: `${pointer}/hostPort`, remove: true }] },
              ],
            }),
          );
        }
        const published = networkMode === 'bridge' ? hostPort : (hostPort ?? containerPort);
        if (networkMode !== 'awsvpc' && published !== undefined && RESERVED_HOST_PORTS.includes(published)) {
          out.push(
            finding(this, {
              severity: 'warning',
              awsMessage: `Host port ${published} is reserved on container instances.`,
              explanation: `Ports ${RESERVED_HOST_PORTS.join(', ')} are taken by SSH, Docker and the ECS agent on every EC2 container instance, so a task asking for this host port can never be placed.`,
              pointer: `${pointer}/hostPort`,
            }),
          );
        }
      });
    }
    return out;
  },
};

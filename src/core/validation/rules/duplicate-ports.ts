import { asArray, asInteger, asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/**
 * Two mappings of one task cannot claim the same port and protocol on the same interface: the
 * task's ENI in awsvpc mode, the instance in host mode, or the same fixed host port in bridge mode.
 */
export const duplicatePorts: Rule = {
  id: 'duplicate-ports',
  summary: 'No two port mappings in a task claim the same port.',
  learnMore: { lesson: { id: 'networking-modes', section: 'port-mappings' }, docs: DOCS.portMapping },
  check({ containers, networkMode }) {
    if (networkMode === 'none') return [];
    const out: Finding[] = [];
    const claimed = new Map<string, string>();
    for (const c of containers) {
      asArray(c.def.portMappings).forEach((raw, i) => {
        const m = asObject(raw);
        const containerPort = asInteger(m?.containerPort);
        if (!m || containerPort === undefined) return;
        const hostPort = asInteger(m.hostPort);
        const port = networkMode === 'bridge' ? hostPort : (hostPort ?? containerPort);
        if (port === undefined || port === 0) return; // dynamic host ports never collide
        const key = `${port}/${asString(m.protocol) ?? 'tcp'}`;
        const owner = claimed.get(key);
        const label = c.name ?? `#${c.index + 1}`;
        if (owner !== undefined) {
          out.push(
            finding(this, {
              awsMessage: `Port ${key} is mapped more than once in this task.`,
              explanation: `Container '${owner}' already uses ${networkMode === 'bridge' ? 'host ' : ''}port ${port}. Two containers of one task cannot listen on the same ${networkMode === 'bridge' ? 'host port' : 'port, because they share one network interface'}.`,
              pointer: `${c.pointer}/portMappings/${i}`,
            }),
          );
        } else {
          claimed.set(key, label);
        }
      });
    }
    return out;
  },
};

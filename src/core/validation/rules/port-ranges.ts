import { asArray, asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/**
 * containerPortRange ("8000-8100"): only in bridge and awsvpc modes, first < last within
 * 1–65535, no hostPort alongside it, ranges may not overlap, at most 100 ranges per container.
 */
export const portRanges: Rule = {
  id: 'port-ranges',
  summary: 'Container port ranges are well formed, do not overlap and suit the network mode.',
  learnMore: { lesson: { id: 'networking-modes', section: 'port-mappings' }, docs: DOCS.portMapping },
  check({ containers, networkMode }) {
    const out: Finding[] = [];
    for (const c of containers) {
      const ranges: { from: number; to: number; pointer: string }[] = [];
      asArray(c.def.portMappings).forEach((raw, i) => {
        const m = asObject(raw);
        const text = asString(m?.containerPortRange);
        if (!m || text === undefined) return;
        const pointer = `${c.pointer}/portMappings/${i}/containerPortRange`;
        if (networkMode !== 'bridge' && networkMode !== 'awsvpc') {
          out.push(
            finding(this, {
              awsMessage: `Container port ranges are not supported when networkMode=${networkMode}.`,
              explanation: 'Port ranges work only in the bridge and awsvpc network modes.',
              pointer,
            }),
          );
          return;
        }
        const match = /^(\d+)-(\d+)$/.exec(text.trim());
        const from = Number(match?.[1]);
        const to = Number(match?.[2]);
        if (!match || from < 1 || to > 65535 || from >= to) {
          out.push(
            finding(this, {
              awsMessage: `Invalid 'containerPortRange' setting: ${text}.`,
              explanation: 'Write a range as "first-last", for example "8000-8100", with 1 ≤ first < last ≤ 65535.',
              pointer,
            }),
          );
          return;
        }
        if (m.hostPort !== undefined || m.containerPort !== undefined) {
          out.push(
            finding(this, {
              awsMessage: 'A port mapping with containerPortRange cannot also set containerPort or hostPort.',
              explanation:
                'Use either a single "containerPort" or a "containerPortRange" in one mapping; ECS chooses the host ports for a range.',
              pointer: `${c.pointer}/portMappings/${i}`,
            }),
          );
        }
        const overlap = ranges.find((r) => from <= r.to && r.from <= to);
        if (overlap) {
          out.push(
            finding(this, {
              awsMessage: `Container port range ${text} overlaps another range of this container.`,
              explanation: 'Each port can belong to one range only.',
              pointer,
            }),
          );
        }
        ranges.push({ from, to, pointer });
      });
      if (ranges.length > 100) {
        out.push(
          finding(this, {
            awsMessage: 'Too many container port ranges.',
            explanation: 'A container may declare at most 100 port ranges.',
            pointer: `${c.pointer}/portMappings`,
          }),
        );
      }
    }
    return out;
  },
};

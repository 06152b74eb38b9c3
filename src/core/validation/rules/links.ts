import { asArray, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/** links work only in bridge mode and must name containers of this task definition. */
export const links: Rule = {
  id: 'links',
  summary: 'Links are used only in bridge mode and point at containers that exist.',
  learnMore: { lesson: { id: 'networking-modes', section: 'bridge' }, docs: DOCS.containerDefinition },
  check({ containers, networkMode, containerNames, fargate }) {
    const out: Finding[] = [];
    for (const c of containers) {
      if (c.def.links === undefined) continue;
      if (networkMode !== 'bridge') {
        if (!fargate) {
          out.push(
            finding(this, {
              awsMessage: `Links are not supported when networkMode=${networkMode}.`,
              explanation:
                'Docker links connect containers over the bridge network only. In awsvpc and host modes, containers of one task reach each other on localhost.',
              pointer: `${c.pointer}/links`,
              fixes: [{ title: 'Remove links', edits: [{ pointer: `${c.pointer}/links`, remove: true }] }],
            }),
          );
        }
        continue;
      }
      asArray(c.def.links).forEach((raw, i) => {
        const link = asString(raw);
        if (link === undefined) return;
        const target = link.split(':')[0] ?? '';
        if (!containerNames.has(target)) {
          out.push(
            finding(this, {
              awsMessage: `Unable to link to container '${target}': it does not exist in this task definition.`,
              explanation:
                'A link names another container of the same task definition, optionally with an alias: "name:alias".',
              pointer: `${c.pointer}/links/${i}`,
            }),
          );
        } else if (target === c.name) {
          out.push(
            finding(this, {
              awsMessage: `Container '${target}' cannot link to itself.`,
              explanation: 'A link connects two different containers of the task.',
              pointer: `${c.pointer}/links/${i}`,
            }),
          );
        }
      });
    }
    return out;
  },
};

import { asArray, asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/** mountPoints name declared volumes; volumesFrom names existing containers; volume names unique. */
export const volumes: Rule = {
  id: 'volumes',
  summary: 'Mount points use declared volumes and volumesFrom uses existing containers.',
  learnMore: { lesson: { id: 'task-definitions', section: 'volumes' }, docs: DOCS.mountPoint },
  check({ td, containers, containerNames }) {
    const out: Finding[] = [];
    const declared = new Set<string>();
    asArray(td.volumes).forEach((raw, i) => {
      const name = asString(asObject(raw)?.name);
      if (name === undefined) return;
      if (declared.has(name)) {
        out.push(
          finding(this, {
            awsMessage: `Volume names must be unique: '${name}' is declared twice.`,
            explanation: 'Each volume of the task needs its own name; mount points refer to volumes by name.',
            pointer: `/volumes/${i}/name`,
          }),
        );
      }
      declared.add(name);
    });
    for (const c of containers) {
      asArray(c.def.mountPoints).forEach((raw, i) => {
        const source = asString(asObject(raw)?.sourceVolume);
        if (source !== undefined && !declared.has(source)) {
          out.push(
            finding(this, {
              awsMessage: `Unknown volume '${source}'.`,
              explanation: `Mount points attach volumes declared in the task's "volumes" list. Declare a volume named "${source}" there, or fix the name.`,
              pointer: `${c.pointer}/mountPoints/${i}/sourceVolume`,
              fixes: [
                {
                  title: `Declare volume "${source}"`,
                  edits: [{ pointer: '/volumes', value: [...asArray(td.volumes), { name: source }] }],
                },
              ],
            }),
          );
        }
      });
      asArray(c.def.volumesFrom).forEach((raw, i) => {
        const source = asString(asObject(raw)?.sourceContainer);
        if (source !== undefined && !containerNames.has(source)) {
          out.push(
            finding(this, {
              awsMessage: `Unknown container '${source}' in volumesFrom.`,
              explanation:
                'volumesFrom mounts all volumes of another container of the same task definition; name one that exists.',
              pointer: `${c.pointer}/volumesFrom/${i}/sourceContainer`,
            }),
          );
        }
      });
    }
    return out;
  },
};

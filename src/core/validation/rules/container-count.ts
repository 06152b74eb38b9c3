import { asArray } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/** At most 10 containers per task definition (a fixed ECS quota). */
export const MAX_CONTAINERS = 10;

/** containerDefinitions holds 1–10 containers. */
export const containerCount: Rule = {
  id: 'container-count',
  summary: 'A task definition has between 1 and 10 containers.',
  learnMore: { lesson: { id: 'task-definitions', section: 'container-definitions' }, docs: DOCS.quotas },
  check({ td }) {
    if (!Array.isArray(td.containerDefinitions)) return [];
    const count = asArray(td.containerDefinitions).length;
    if (count === 0) {
      return [
        finding(this, {
          awsMessage: 'Container list cannot be empty.',
          explanation:
            'A task definition describes at least one container: add an object with at least "name" and "image".',
          pointer: '/containerDefinitions',
        }),
      ];
    }
    if (count > MAX_CONTAINERS) {
      return [
        finding(this, {
          awsMessage: 'Too many containers.',
          explanation: `A task definition may hold at most ${MAX_CONTAINERS} containers; this one has ${count}. Split unrelated containers into separate task definitions (and services).`,
          pointer: `/containerDefinitions/${MAX_CONTAINERS}`,
        }),
      ];
    }
    return [];
  },
};

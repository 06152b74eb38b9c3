import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/** At least one container is essential (essential defaults to true). */
export const essentialContainer: Rule = {
  id: 'essential-container',
  summary: 'At least one container is essential.',
  learnMore: { lesson: { id: 'task-definitions', section: 'essential' }, docs: DOCS.parameters },
  check({ containers }) {
    if (containers.length === 0 || containers.some((c) => c.essential)) return [];
    const first = containers[0];
    if (!first) return [];
    return [
      finding(this, {
        awsMessage: 'Task definition does not have any essential container.',
        explanation:
          'Every task needs at least one essential container: when it stops, ECS stops the task. Mark your main container "essential": true (or leave "essential" out: it defaults to true).',
        pointer: `${first.pointer}/essential`,
        fixes: [
          {
            title: `Mark "${first.name ?? 'the first container'}" essential`,
            edits: [{ pointer: `${first.pointer}/essential`, value: true }],
          },
        ],
      }),
    ];
  },
};

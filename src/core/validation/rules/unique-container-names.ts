import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/** No two containers share a name. */
export const uniqueContainerNames: Rule = {
  id: 'unique-container-names',
  summary: 'Container names are unique within the task definition.',
  learnMore: { lesson: { id: 'task-definitions', section: 'container-definitions' }, docs: DOCS.containerDefinition },
  check({ containers }) {
    const seen = new Set<string>();
    return containers.flatMap((c) => {
      if (c.name === undefined) return [];
      if (seen.has(c.name)) {
        return [
          finding(this, {
            awsMessage: 'Container names must be unique within a Task Definition.',
            explanation: `Another container is already called "${c.name}". Give each container its own name.`,
            pointer: `${c.pointer}/name`,
          }),
        ];
      }
      seen.add(c.name);
      return [];
    });
  },
};

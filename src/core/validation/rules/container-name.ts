import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/** Every container has a name of 1–255 letters, digits, hyphens or underscores. */
export const containerName: Rule = {
  id: 'container-name',
  summary: 'Each container has a name made of letters, digits, hyphens and underscores.',
  learnMore: { lesson: { id: 'task-definitions', section: 'container-definitions' }, docs: DOCS.containerDefinition },
  check({ containers }) {
    return containers.flatMap((c) => {
      const pointer = `${c.pointer}/name`;
      if (c.def.name === undefined || c.def.name === null || c.def.name === '') {
        return [
          finding(this, {
            awsMessage: 'Container.name should not be null or empty.',
            explanation:
              'Every container needs a name, such as "web". Other settings (dependsOn, links, load balancers, logs) refer to containers by name.',
            pointer,
          }),
        ];
      }
      if (typeof c.name === 'string' && (!/^[A-Za-z0-9_-]+$/.test(c.name) || c.name.length > 255)) {
        return [
          finding(this, {
            awsMessage: 'Container.name contains invalid characters.',
            explanation:
              'A container name may use only letters, digits, hyphens and underscores, up to 255 characters.',
            pointer,
          }),
        ];
      }
      return [];
    });
  },
};

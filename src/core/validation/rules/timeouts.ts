import { asInteger } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/** On Fargate, startTimeout and stopTimeout are 2–120 seconds. */
export const timeouts: Rule = {
  id: 'container-timeouts',
  summary: 'Start and stop timeouts are within the limits of the capacity.',
  learnMore: { lesson: { id: 'task-definitions', section: 'container-definitions' }, docs: DOCS.containerDefinition },
  check({ containers, fargate }) {
    const out: Finding[] = [];
    for (const c of containers) {
      for (const field of ['startTimeout', 'stopTimeout']) {
        const value = asInteger(c.def[field]);
        if (value === undefined) continue;
        if (value < (fargate ? 2 : 1) || (fargate && value > 120)) {
          out.push(
            finding(this, {
              awsMessage: `Invalid ${field}: ${value}.${fargate ? ' On Fargate it must be between 2 and 120 seconds.' : ''}`,
              explanation:
                field === 'stopTimeout'
                  ? 'stopTimeout is how long ECS waits after SIGTERM before it kills the container with SIGKILL (default 30 seconds).'
                  : 'startTimeout is how long a container waits for its dependencies before giving up.',
              pointer: `${c.pointer}/${field}`,
            }),
          );
        }
      }
    }
    return out;
  },
};

import { asInteger } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/** The containers' cpu shares add up to no more than the task cpu. */
export const containerCpu: Rule = {
  id: 'container-cpu',
  summary: 'The sum of container cpu values does not exceed the task cpu.',
  learnMore: { lesson: { id: 'task-definitions', section: 'cpu-memory-and-memoryreservation' }, docs: DOCS.parameters },
  check({ containers, taskCpu }) {
    if (taskCpu === undefined) return [];
    const total = containers.reduce((sum, c) => sum + (asInteger(c.def.cpu) ?? 0), 0);
    if (total <= taskCpu) return [];
    return [
      finding(this, {
        awsMessage: "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.",
        explanation: `The containers ask for ${total} CPU units together, but the task has ${taskCpu}. Container cpu shares the task's CPU; they must fit inside it.`,
        pointer: '/cpu',
      }),
    ];
  },
};

import { asInteger } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/**
 * Container memory: without task-level memory each container needs memory or memoryReservation;
 * memory ≥ memoryReservation; a container's memory fits in the task's; the reservations together
 * fit in the task's memory.
 */
export const containerMemory: Rule = {
  id: 'container-memory',
  summary: 'Container memory settings are present where needed and fit in the task memory.',
  learnMore: { lesson: { id: 'task-definitions', section: 'cpu-memory-and-memoryreservation' }, docs: DOCS.parameters },
  check({ td, containers, taskMemory }) {
    const out = [];
    const taskMemoryWritten = td.memory !== undefined;
    let reservations = 0;
    for (const c of containers) {
      const hard = asInteger(c.def.memory);
      const soft = asInteger(c.def.memoryReservation);
      const label = c.name ?? `#${c.index + 1}`;
      if (!taskMemoryWritten && c.def.memory === undefined && c.def.memoryReservation === undefined) {
        out.push(
          finding(this, {
            awsMessage: `Invalid setting for container '${label}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
            explanation:
              'Without task-level memory, ECS needs each container to say how much memory it needs: "memoryReservation" (a soft reservation used for placement) and/or "memory" (a hard limit).',
            pointer: c.pointer,
            fixes: [
              {
                title: 'Add "memoryReservation": 256',
                edits: [{ pointer: `${c.pointer}/memoryReservation`, value: 256 }],
              },
            ],
          }),
        );
      }
      if (hard !== undefined && soft !== undefined && soft > hard) {
        out.push(
          finding(this, {
            awsMessage: `Invalid setting for container '${label}'. 'memoryReservation' must be less than or equal to 'memory'.`,
            explanation: `The soft reservation (${soft} MiB) cannot exceed the hard limit (${hard} MiB): the container would be killed before reaching what it reserved.`,
            pointer: `${c.pointer}/memoryReservation`,
          }),
        );
      }
      if (hard !== undefined && hard < 6) {
        out.push(
          finding(this, {
            severity: 'warning',
            awsMessage: `Container '${label}' has less than 6 MiB of memory.`,
            explanation:
              'Docker 20.10 and later cannot start a container with less than 6 MiB. "memory" is in MiB, not GB.',
            pointer: `${c.pointer}/memory`,
          }),
        );
      }
      if (taskMemory !== undefined && hard !== undefined && hard > taskMemory) {
        out.push(
          finding(this, {
            awsMessage: `The 'memory' setting for container '${label}' is greater than for the task.`,
            explanation: `The container's hard limit (${hard} MiB) is larger than the whole task's memory (${taskMemory} MiB). Lower it, or raise the task memory.`,
            pointer: `${c.pointer}/memory`,
            fixes: [
              { title: `Set memory to ${taskMemory}`, edits: [{ pointer: `${c.pointer}/memory`, value: taskMemory }] },
            ],
          }),
        );
      }
      reservations += soft ?? 0;
    }
    if (taskMemory !== undefined && reservations > taskMemory) {
      out.push(
        finding(this, {
          awsMessage:
            "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.",
          explanation: `The containers reserve ${reservations} MiB together, but the task has ${taskMemory} MiB.`,
          pointer: '/memory',
        }),
      );
    }
    return out;
  },
};

import { describeCpu, describeMemory, FARGATE_SIZES, isFargateSize, nearestFargateSize } from '../../ecs/task-size.ts';
import { asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/** Fargate needs task-level cpu and memory, and the pair must be one of the Fargate sizes. */
export const fargateTaskSize: Rule = {
  id: 'fargate-task-size',
  summary: 'A Fargate task definition sets task cpu and memory to one of the Fargate sizes.',
  learnMore: { lesson: { id: 'task-definitions', section: 'fargate-task-sizes' }, docs: DOCS.fargateSizes },
  check({ td, fargate, taskCpu, taskMemory, windows }) {
    if (!fargate) return [];
    const cpuText = asString(td.cpu);
    const memoryText = asString(td.memory);
    if (td.cpu === undefined) {
      const size = nearestFargateSize(undefined, taskMemory, windows);
      return [
        finding(this, {
          awsMessage: "Fargate requires that 'cpu' be defined at the task level.",
          explanation: `Fargate sizes each task from its task-level "cpu" and "memory". Add "cpu", for example "${size.cpu}" (${describeCpu(size.cpu)}).`,
          pointer: '/cpu',
          fixes: [
            {
              title: `Add "cpu": "${size.cpu}"`,
              edits: [
                { pointer: '/cpu', value: String(size.cpu) },
                ...(td.memory === undefined ? [{ pointer: '/memory', value: String(size.memory) }] : []),
              ],
            },
          ],
        }),
      ];
    }
    if (td.memory === undefined) {
      const size = nearestFargateSize(taskCpu, undefined, windows);
      return [
        finding(this, {
          awsMessage: "Fargate requires that 'memory' be defined at the task level.",
          explanation: `Fargate sizes each task from its task-level "cpu" and "memory". Add "memory", for example "${size.memory}" (${describeMemory(size.memory)}).`,
          pointer: '/memory',
          fixes: [
            { title: `Add "memory": "${size.memory}"`, edits: [{ pointer: '/memory', value: String(size.memory) }] },
          ],
        }),
      ];
    }
    if (cpuText === undefined || memoryText === undefined) return []; // wrong types: the schema reports them
    if (taskCpu === undefined || !FARGATE_SIZES.has(taskCpu) || (windows && taskCpu < 1024)) {
      const size = nearestFargateSize(taskCpu, taskMemory, windows);
      return [
        finding(this, {
          awsMessage: "Invalid 'cpu' setting for task.",
          explanation: `Fargate offers ${windows ? '1, 2 or 4 vCPU for Windows tasks' : '0.25, 0.5, 1, 2, 4, 8 or 16 vCPU'}: "cpu" must be ${windows ? '"1024", "2048" or "4096"' : 'one of "256", "512", "1024", "2048", "4096", "8192", "16384"'} (CPU units) or the same in vCPU, like "1 vCPU".`,
          pointer: '/cpu',
          fixes: [
            {
              title: `Use ${describeCpu(size.cpu)} and ${describeMemory(size.memory)}`,
              edits: [
                { pointer: '/cpu', value: String(size.cpu) },
                { pointer: '/memory', value: String(size.memory) },
              ],
            },
          ],
        }),
      ];
    }
    if (taskMemory === undefined || !isFargateSize(taskCpu, taskMemory, windows)) {
      const size = nearestFargateSize(taskCpu, taskMemory, windows);
      const allowed = FARGATE_SIZES.get(taskCpu) ?? [];
      return [
        finding(this, {
          awsMessage: `No Fargate configuration exists for given values: ${cpuText} CPU, ${memoryText} memory. See the Amazon ECS documentation for the valid values.`,
          explanation: `With ${describeCpu(taskCpu)}, Fargate offers ${describeMemory(allowed[0] ?? 0)} to ${describeMemory(allowed.at(-1) ?? 0)} of memory (${allowed.length} sizes). The nearest valid size is ${describeCpu(size.cpu)} with ${describeMemory(size.memory)}.`,
          pointer: '/memory',
          fixes: [
            {
              title: `Use ${describeCpu(size.cpu)} and ${describeMemory(size.memory)}`,
              edits: [
                { pointer: '/cpu', value: String(size.cpu) },
                { pointer: '/memory', value: String(size.memory) },
              ],
            },
          ],
        }),
      ];
    }
    return [];
  },
};

import { EC2_TASK_CPU } from '../../ecs/task-size.ts';
import { asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/** Task cpu/memory are strings ECS can read: units or "N vCPU"; MiB or "N GB". */
export const taskSizeFormat: Rule = {
  id: 'task-size-format',
  summary: 'Task-level cpu and memory are written as ECS reads them.',
  learnMore: { lesson: { id: 'task-definitions', section: 'cpu-and-memory-the-task-size' }, docs: DOCS.parameters },
  check({ td, taskCpu, taskMemory, fargate }) {
    const out = [];
    const cpu = asString(td.cpu);
    if (cpu !== undefined && taskCpu === undefined) {
      out.push(
        finding(this, {
          awsMessage: "Invalid 'cpu' setting for task.",
          explanation: 'Write task cpu as CPU units ("1024") or in vCPU ("1 vCPU"). 1024 units are one vCPU.',
          pointer: '/cpu',
        }),
      );
    } else if (taskCpu !== undefined && !fargate && (taskCpu < EC2_TASK_CPU.min || taskCpu > EC2_TASK_CPU.max)) {
      out.push(
        finding(this, {
          awsMessage: "Invalid 'cpu' setting for task.",
          explanation: `Task cpu may be ${EC2_TASK_CPU.min} to ${EC2_TASK_CPU.max} CPU units (0.125 to 192 vCPU).`,
          pointer: '/cpu',
        }),
      );
    }
    const memory = asString(td.memory);
    if (memory !== undefined && (taskMemory === undefined || taskMemory <= 0)) {
      out.push(
        finding(this, {
          awsMessage: "Invalid 'memory' setting for task.",
          explanation: 'Write task memory in MiB ("2048") or in GB ("2 GB").',
          pointer: '/memory',
        }),
      );
    }
    return out;
  },
};

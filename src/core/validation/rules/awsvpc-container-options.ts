import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/** hostname and extraHosts cannot be set per container in awsvpc mode (the task's ENI owns them). */
export const awsvpcContainerOptions: Rule = {
  id: 'awsvpc-container-options',
  summary: 'hostname and extraHosts are not used with the awsvpc network mode.',
  learnMore: { lesson: { id: 'networking-modes', section: 'awsvpc' }, docs: DOCS.containerDefinition },
  check({ containers, networkMode, fargate }) {
    if (networkMode !== 'awsvpc' || fargate) return []; // on Fargate, fargate-unsupported-parameter reports extraHosts
    const out: Finding[] = [];
    for (const c of containers) {
      for (const field of ['hostname', 'extraHosts']) {
        if (c.def[field] === undefined) continue;
        out.push(
          finding(this, {
            awsMessage: `The '${field}' parameter is not supported when networkMode=awsvpc.`,
            explanation:
              'In awsvpc mode the task has its own network interface, and its host name and name resolution come from the VPC. Remove the setting, or use DNS (for example Cloud Map) for names.',
            pointer: `${c.pointer}/${field}`,
            fixes: [{ title: `Remove ${field}`, edits: [{ pointer: `${c.pointer}/${field}`, remove: true }] }],
          }),
        );
      }
    }
    return out;
  },
};

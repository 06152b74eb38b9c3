import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/** Fargate accepts only the awsvpc network mode. The message uses AWS's typographic quotes. */
export const fargateNetworkMode: Rule = {
  id: 'fargate-network-mode',
  summary: 'A Fargate task definition uses the awsvpc network mode.',
  learnMore: { lesson: { id: 'networking-modes', section: 'awsvpc' }, docs: DOCS.fargate },
  check({ fargate, networkMode, networkModeWritten }) {
    if (!fargate || networkMode === 'awsvpc') return [];
    return [
      finding(this, {
        awsMessage: 'Fargate only supports network mode ‘awsvpc’.',
        explanation: networkModeWritten
          ? `On Fargate every task gets its own network interface, so "networkMode" must be "awsvpc", not "${networkMode}".`
          : 'Without "networkMode" ECS assumes "bridge", which Fargate does not support. Add "networkMode": "awsvpc".',
        pointer: '/networkMode',
        fixes: [{ title: 'Set networkMode to "awsvpc"', edits: [{ pointer: '/networkMode', value: 'awsvpc' }] }],
      }),
    ];
  },
};

import { asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/** An IAM role ARN, optionally with a path: arn:aws:iam::123456789012:role/path/name. */
export const ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** taskRoleArn and executionRoleArn are IAM role ARNs (or role names). */
export const roleArns: Rule = {
  id: 'role-arn',
  summary: 'Task role and execution role are IAM role ARNs.',
  learnMore: { lesson: { id: 'security', section: 'three-roles-three-jobs' }, docs: DOCS.executionRole },
  check({ td }) {
    const out: Finding[] = [];
    for (const field of ['taskRoleArn', 'executionRoleArn']) {
      const value = asString(td[field]);
      if (value === undefined || value === '') continue;
      // ECS also accepts a bare role name and expands it in the caller's account.
      if (ROLE_ARN.test(value) || /^[\w+=,.@-]{1,64}$/.test(value)) continue;
      out.push(
        finding(this, {
          awsMessage: 'Role is not valid',
          explanation: `"${field}" must be an IAM role ARN such as "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" (or a role name). A user or policy ARN does not work here.`,
          pointer: `/${field}`,
        }),
      );
    }
    return out;
  },
};

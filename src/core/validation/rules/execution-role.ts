import { asArray, asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/** An image in a private Amazon ECR repository (public.ecr.aws is public and needs no role). */
export const isPrivateEcrImage = (image: string) =>
  /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//.test(image);

const EXAMPLE_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

/**
 * ECS itself needs the task execution role to pull private ECR images and send awslogs on
 * Fargate, and on any capacity to read secrets or private-registry credentials for you.
 */
export const executionRole: Rule = {
  id: 'execution-role-required',
  summary: 'An execution role is set where ECS must act for the task (ECR, awslogs, secrets).',
  learnMore: { lesson: { id: 'security', section: 'the-task-execution-role-ecss-helper' }, docs: DOCS.executionRole },
  check({ td, containers, fargate }) {
    if (asString(td.executionRoleArn)) return [];
    const out: Finding[] = [];
    const add = (awsMessage: string, why: string, pointer: string) =>
      out.push(
        finding(this, {
          awsMessage,
          explanation: `${why} Set "executionRoleArn" to a role that trusts ecs-tasks.amazonaws.com and has the AmazonECSTaskExecutionRolePolicy managed policy (often called ecsTaskExecutionRole).`,
          pointer,
          fixes: [{ title: 'Add an executionRoleArn', edits: [{ pointer: '/executionRoleArn', value: EXAMPLE_ROLE }] }],
        }),
      );
    if (fargate) {
      const ecr = containers.find((c) => isPrivateEcrImage(asString(c.def.image) ?? ''));
      if (ecr)
        add(
          'Fargate requires task definition to have execution role ARN to support ECR images.',
          'ECS pulls this private ECR image on your behalf, with the execution role.',
          `${ecr.pointer}/image`,
        );
      const awslogs = containers.find((c) => asString(asObject(c.def.logConfiguration)?.logDriver) === 'awslogs');
      if (awslogs)
        add(
          'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
          "ECS sends this container's logs to CloudWatch Logs on your behalf, with the execution role.",
          `${awslogs.pointer}/logConfiguration/logDriver`,
        );
    }
    const secrets = containers.find(
      (c) => asArray(c.def.secrets).length > 0 || asArray(asObject(c.def.logConfiguration)?.secretOptions).length > 0,
    );
    if (secrets)
      add(
        'Task definition requires an execution role ARN to retrieve secrets.',
        'ECS fetches secrets from Secrets Manager or Parameter Store before the container starts, with the execution role.',
        asArray(secrets.def.secrets).length > 0
          ? `${secrets.pointer}/secrets`
          : `${secrets.pointer}/logConfiguration/secretOptions`,
      );
    const credentials = containers.find((c) => asObject(c.def.repositoryCredentials) !== undefined);
    if (credentials)
      add(
        'Task definition requires an execution role ARN to use private registry authentication.',
        'ECS reads the registry credentials from Secrets Manager with the execution role.',
        `${credentials.pointer}/repositoryCredentials`,
      );
    return out;
  },
};

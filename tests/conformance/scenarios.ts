/**
 * One list of API scenarios that every real client runs against the simulator: the AWS SDK for
 * JavaScript in-process, and Debian's AWS CLI v2 over HTTP. Each step names an operation, its
 * input, and what AWS answers: an error type, or fields of the output.
 */
import { readFileSync } from 'node:fs';

export interface Step {
  service: 'ecs' | 'ecr';
  operation: string;
  input: Record<string, unknown>;
  /** The AWS error type expected, if the call must fail. */
  error?: string;
  /** Paths in the output (dot/index notation) and their expected values. */
  expect?: Record<string, unknown>;
  /** Virtual seconds to let pass after this step. */
  thenWait?: number;
  /** Extra AWS CLI options (output format, query); the SDK ignores them. */
  cliArgs?: string[];
}

export interface Scenario {
  name: string;
  steps: Step[];
}

const sidecar = JSON.parse(readFileSync('content/examples/task-definitions/sidecar-depends-on.json', 'utf8')) as Record<
  string,
  unknown
>;
const fargateWeb = JSON.parse(readFileSync('content/examples/task-definitions/fargate-web.json', 'utf8')) as Record<
  string,
  unknown
>;
/** The same definition, letting the awslogs driver create its log group (the group does not exist yet). */
const fargateWebCreatingLogs = JSON.parse(
  JSON.stringify(fargateWeb).replace(
    '"awslogs-stream-prefix"',
    '"awslogs-create-group":"true","awslogs-stream-prefix"',
  ),
) as Record<string, unknown>;
const ec2Api = JSON.parse(
  readFileSync('content/examples/task-definitions/ec2-bridge-dynamic-ports.json', 'utf8'),
) as Record<string, unknown>;

/** Subnet ids are deterministic for seed 1; the scenarios look one up through the first step. */
export const SUBNET_PLACEHOLDER = '<subnet>';

export const SCENARIOS: Scenario[] = [
  {
    name: 'output formats: text, table and --query',
    steps: [
      { service: 'ecs', operation: 'CreateCluster', input: { clusterName: 'demo' }, cliArgs: ['--output', 'table'] },
      {
        service: 'ecs',
        operation: 'DescribeClusters',
        input: { clusters: ['demo', 'nope'] },
        cliArgs: ['--output', 'text'],
      },
      {
        service: 'ecs',
        operation: 'DescribeClusters',
        input: { clusters: ['demo', 'nope'] },
        cliArgs: ['--output', 'table'],
      },
      { service: 'ecs', operation: 'RegisterTaskDefinition', input: sidecar, cliArgs: ['--output', 'table'] },
      {
        service: 'ecs',
        operation: 'DescribeTaskDefinition',
        input: { taskDefinition: 'shop' },
        cliArgs: ['--output', 'text'],
      },
      {
        service: 'ecs',
        operation: 'DescribeTaskDefinition',
        input: { taskDefinition: 'shop' },
        cliArgs: [
          '--query',
          'taskDefinition.containerDefinitions[].{name:name,essential:essential,deps:dependsOn}',
          '--output',
          'table',
        ],
      },
      {
        service: 'ecs',
        operation: 'ListClusters',
        input: {},
        cliArgs: ['--query', 'clusterArns[0]', '--output', 'text'],
      },
    ],
  },
  {
    name: 'clusters: create, describe with a missing one, delete',
    steps: [
      {
        service: 'ecs',
        operation: 'CreateCluster',
        input: { clusterName: 'demo' },
        expect: {
          'cluster.clusterName': 'demo',
          'cluster.status': 'ACTIVE',
          'cluster.clusterArn': 'arn:aws:ecs:us-east-1:123456789012:cluster/demo',
        },
      },
      {
        service: 'ecs',
        operation: 'DescribeClusters',
        input: { clusters: ['demo', 'nope'] },
        expect: {
          'clusters.0.clusterName': 'demo',
          'failures.0.reason': 'MISSING',
          'failures.0.arn': 'arn:aws:ecs:us-east-1:123456789012:cluster/nope',
        },
      },
      {
        service: 'ecs',
        operation: 'ListClusters',
        input: {},
        expect: { 'clusterArns.0': 'arn:aws:ecs:us-east-1:123456789012:cluster/demo' },
      },
      {
        service: 'ecs',
        operation: 'DeleteCluster',
        input: { cluster: 'demo' },
        expect: { 'cluster.status': 'INACTIVE' },
      },
      { service: 'ecs', operation: 'DeleteCluster', input: { cluster: 'demo' }, error: 'ClusterNotFoundException' },
    ],
  },
  {
    name: 'task definitions: register, describe, revisions, deregister',
    steps: [
      {
        service: 'ecs',
        operation: 'RegisterTaskDefinition',
        input: fargateWeb,
        expect: {
          'taskDefinition.revision': 1,
          'taskDefinition.status': 'ACTIVE',
          'taskDefinition.networkMode': 'awsvpc',
          'taskDefinition.containerDefinitions.0.portMappings.0.hostPort': 80,
        },
      },
      {
        service: 'ecs',
        operation: 'RegisterTaskDefinition',
        input: fargateWeb,
        expect: {
          'taskDefinition.revision': 2,
          'taskDefinition.taskDefinitionArn': 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
        },
      },
      {
        service: 'ecs',
        operation: 'DescribeTaskDefinition',
        input: { taskDefinition: 'web' },
        expect: { 'taskDefinition.revision': 2 },
      },
      {
        service: 'ecs',
        operation: 'DeregisterTaskDefinition',
        input: { taskDefinition: 'web:1' },
        expect: { 'taskDefinition.status': 'INACTIVE' },
      },
      {
        service: 'ecs',
        operation: 'DescribeTaskDefinition',
        input: { taskDefinition: 'nope:1' },
        error: 'ClientException',
      },
      {
        service: 'ecs',
        operation: 'RegisterTaskDefinition',
        input: { ...fargateWeb, networkMode: 'bridge' },
        error: 'ClientException',
      },
    ],
  },
  {
    name: 'run-task on Fargate: errors, then a task that reaches RUNNING and stops',
    steps: [
      { service: 'ecs', operation: 'CreateCluster', input: { clusterName: 'demo' } },
      { service: 'ecs', operation: 'RegisterTaskDefinition', input: fargateWebCreatingLogs },
      {
        service: 'ecs',
        operation: 'RunTask',
        input: { cluster: 'nope', taskDefinition: 'web', launchType: 'FARGATE' },
        error: 'ClusterNotFoundException',
      },
      {
        service: 'ecs',
        operation: 'RunTask',
        input: { cluster: 'demo', taskDefinition: 'web', launchType: 'FARGATE' },
        error: 'InvalidParameterException',
      },
      {
        service: 'ecs',
        operation: 'RunTask',
        input: {
          cluster: 'demo',
          taskDefinition: 'web',
          launchType: 'FARGATE',
          networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_PLACEHOLDER], assignPublicIp: 'ENABLED' } },
        },
        expect: {
          'tasks.0.lastStatus': 'PROVISIONING',
          'tasks.0.desiredStatus': 'RUNNING',
          'tasks.0.launchType': 'FARGATE',
          'failures.length': 0,
        },
        thenWait: 60,
      },
      { service: 'ecs', operation: 'ListTasks', input: { cluster: 'demo' }, expect: { 'taskArns.length': 1 } },
    ],
  },
  {
    name: 'services on EC2: create, scale, describe, delete',
    steps: [
      { service: 'ecs', operation: 'CreateCluster', input: { clusterName: 'shop' } },
      { service: 'ecs', operation: 'RegisterTaskDefinition', input: ec2Api },
      {
        service: 'ecs',
        operation: 'CreateService',
        input: { cluster: 'shop', serviceName: 'api', taskDefinition: 'api', desiredCount: 2 },
        expect: {
          'service.status': 'ACTIVE',
          'service.runningCount': 0,
          'service.deployments.0.status': 'PRIMARY',
          'service.deploymentConfiguration.maximumPercent': 200,
          'service.schedulingStrategy': 'REPLICA',
        },
      },
      {
        service: 'ecs',
        operation: 'CreateService',
        input: { cluster: 'shop', serviceName: 'api', taskDefinition: 'api', desiredCount: 2 },
        error: 'InvalidParameterException',
      },
      {
        service: 'ecs',
        operation: 'DescribeServices',
        input: { cluster: 'shop', services: ['api', 'nope'] },
        expect: { 'services.0.serviceName': 'api', 'failures.0.reason': 'MISSING' },
      },
      {
        service: 'ecs',
        operation: 'UpdateService',
        input: { cluster: 'shop', service: 'nope', desiredCount: 1 },
        error: 'ServiceNotFoundException',
      },
      {
        service: 'ecs',
        operation: 'DeleteService',
        input: { cluster: 'shop', service: 'api' },
        error: 'InvalidParameterException',
      },
      {
        service: 'ecs',
        operation: 'DeleteService',
        input: { cluster: 'shop', service: 'api', force: true },
        expect: { 'service.status': 'DRAINING' },
      },
    ],
  },
  {
    name: 'ECR: repositories and authorization',
    steps: [
      {
        service: 'ecr',
        operation: 'CreateRepository',
        input: { repositoryName: 'web' },
        expect: {
          'repository.repositoryUri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/web',
          'repository.imageTagMutability': 'MUTABLE',
        },
      },
      {
        service: 'ecr',
        operation: 'CreateRepository',
        input: { repositoryName: 'web' },
        error: 'RepositoryAlreadyExistsException',
      },
      {
        service: 'ecr',
        operation: 'DescribeRepositories',
        input: { repositoryNames: ['nope'] },
        error: 'RepositoryNotFoundException',
      },
      {
        service: 'ecr',
        operation: 'GetAuthorizationToken',
        input: {},
        expect: { 'authorizationData.0.proxyEndpoint': 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com' },
      },
      {
        service: 'ecr',
        operation: 'DeleteRepository',
        input: { repositoryName: 'web' },
        expect: { 'repository.repositoryName': 'web' },
      },
    ],
  },
];

/** Reads `a.b.0.c` (and `.length`) from a value. */
export function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (node === null || node === undefined) return undefined;
    if (key === 'length' && Array.isArray(node)) return node.length;
    return (node as Record<string, unknown>)[key];
  }, value);
}

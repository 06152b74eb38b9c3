import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../../src/core/validation/fixes.ts';
import { RULES } from '../../../../src/core/validation/index.ts';
import { checkTaskDefinition, validateTaskDefinition } from '../../../../src/core/validation/validate.ts';
import { container, ec2, fargate, findingsFor } from './helpers.ts';

type Json = Record<string, unknown>;

interface Case {
  /** What the failing definition gets wrong. */
  name: string;
  fail: Json;
  pointer: string;
  /** Text the AWS part of the message must contain. */
  message: string;
  pass: Json;
}

const web = (extra: Json) => fargate({}, extra);
const withContainers = (...containers: Json[]) => ec2({}, containers);

/** One failing and one passing definition per rule (several for rules with several checks). */
const CASES: Record<string, Case[]> = {
  'family-name': [
    {
      name: 'blank family',
      fail: fargate({ family: '' }),
      pointer: '/family',
      message: 'Family can not be blank.',
      pass: fargate({ family: 'web-app_2' }),
    },
    {
      name: 'spaces in family',
      fail: fargate({ family: 'my app' }),
      pointer: '/family',
      message: 'Family contains invalid characters.',
      pass: fargate({ family: 'my-app' }),
    },
    {
      name: '256 characters',
      fail: fargate({ family: 'a'.repeat(256) }),
      pointer: '/family',
      message: 'Family contains invalid characters.',
      pass: fargate({ family: 'a'.repeat(255) }),
    },
  ],
  'container-count': [
    {
      name: 'no containers',
      fail: fargate({ containerDefinitions: [] }),
      pointer: '/containerDefinitions',
      message: 'Container list cannot be empty.',
      pass: fargate(),
    },
    {
      name: 'eleven containers',
      fail: withContainers(...Array.from({ length: 11 }, (_, i) => container(`c${i}`))),
      pointer: '/containerDefinitions/10',
      message: 'Too many containers.',
      pass: withContainers(...Array.from({ length: 10 }, (_, i) => container(`c${i}`))),
    },
  ],
  'container-name': [
    {
      name: 'missing name',
      fail: withContainers({ image: 'nginx:1.27', memory: 128 }),
      pointer: '/containerDefinitions/0/name',
      message: 'Container.name should not be null or empty.',
      pass: withContainers(container('web')),
    },
    {
      name: 'dot in name',
      fail: withContainers(container('web.app')),
      pointer: '/containerDefinitions/0/name',
      message: 'Container.name contains invalid characters.',
      pass: withContainers(container('web_app')),
    },
  ],
  'unique-container-names': [
    {
      name: 'two containers called app',
      fail: withContainers(container('app'), container('app')),
      pointer: '/containerDefinitions/1/name',
      message: 'Container names must be unique within a Task Definition.',
      pass: withContainers(container('app'), container('sidecar')),
    },
  ],
  'container-image': [
    {
      name: 'empty image',
      fail: web({ image: '' }),
      pointer: '/containerDefinitions/0/image',
      message: 'Container.image should not be null or empty.',
      pass: web({ image: 'nginx:1.27' }),
    },
    {
      name: '256-character image',
      fail: web({ image: `r/${'a'.repeat(250)}:tag1` }),
      pointer: '/containerDefinitions/0/image',
      message: 'Container.image should be 255 characters or less',
      pass: web({ image: `r/${'a'.repeat(240)}:tag1@sha256:${'0'.repeat(64)}` }),
    },
  ],
  'essential-container': [
    {
      name: 'nothing essential',
      fail: withContainers(container('a', { essential: false }), container('b', { essential: false })),
      pointer: '/containerDefinitions/0/essential',
      message: 'does not have any essential container',
      pass: withContainers(container('a', { essential: false }), container('b')),
    },
  ],
  'fargate-network-mode': [
    {
      name: 'bridge on Fargate',
      fail: fargate({ networkMode: 'bridge' }),
      pointer: '/networkMode',
      message: 'Fargate only supports network mode ‘awsvpc’.',
      pass: fargate(),
    },
    {
      name: 'no network mode on Fargate',
      fail: fargate({ networkMode: undefined }),
      pointer: '/networkMode',
      message: 'Fargate only supports network mode ‘awsvpc’.',
      pass: fargate({ networkMode: 'awsvpc' }),
    },
  ],
  'task-size-format': [
    {
      name: 'cpu in cores',
      fail: ec2({ cpu: '2 cores' }),
      pointer: '/cpu',
      message: "Invalid 'cpu' setting for task.",
      pass: ec2({ cpu: '2 vCPU' }),
    },
    {
      name: 'cpu below 128 units on EC2',
      fail: ec2({ cpu: '64' }),
      pointer: '/cpu',
      message: "Invalid 'cpu' setting for task.",
      pass: ec2({ cpu: '128' }),
    },
    {
      name: 'memory in MB words',
      fail: ec2({ memory: '2 gigabytes' }),
      pointer: '/memory',
      message: "Invalid 'memory' setting for task.",
      pass: ec2({ memory: '2 GB' }),
    },
  ],
  'fargate-task-size': [
    {
      name: 'no task cpu',
      fail: fargate({ cpu: undefined }),
      pointer: '/cpu',
      message: "Fargate requires that 'cpu' be defined at the task level.",
      pass: fargate(),
    },
    {
      name: 'no task memory',
      fail: fargate({ memory: undefined }),
      pointer: '/memory',
      message: "Fargate requires that 'memory' be defined at the task level.",
      pass: fargate(),
    },
    {
      name: '3 vCPU',
      fail: fargate({ cpu: '3072', memory: '8192' }),
      pointer: '/cpu',
      message: "Invalid 'cpu' setting for task.",
      pass: fargate({ cpu: '4096', memory: '8192' }),
    },
    {
      name: '1 vCPU with 1 GB',
      fail: fargate({ cpu: '1024', memory: '1024' }),
      pointer: '/memory',
      message: 'No Fargate configuration exists for given values: 1024 CPU, 1024 memory.',
      pass: fargate({ cpu: '1 vCPU', memory: '2 GB' }),
    },
    {
      name: '16 vCPU with 36 GB (not a multiple of 8 GB)',
      fail: fargate({ cpu: '16384', memory: '36864' }),
      pointer: '/memory',
      message: 'No Fargate configuration exists',
      pass: fargate({ cpu: '16384', memory: '122880' }),
    },
    {
      name: '8 vCPU with 18 GB (not 16 GB plus a multiple of 4 GB)',
      fail: fargate({ cpu: '8192', memory: '18432' }),
      pointer: '/memory',
      message: 'No Fargate configuration exists',
      pass: fargate({ cpu: '8 vCPU', memory: '60 GB' }),
    },
    {
      name: 'Windows with 0.5 vCPU',
      fail: fargate({
        cpu: '512',
        memory: '1024',
        runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' },
      }),
      pointer: '/cpu',
      message: "Invalid 'cpu' setting for task.",
      pass: fargate({
        cpu: '1024',
        memory: '2048',
        runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' },
      }),
    },
  ],
  'container-cpu': [
    {
      name: 'containers want more cpu than the task',
      fail: fargate({}, { cpu: 512 }),
      pointer: '/cpu',
      message: "The sum of all container 'cpu' values cannot be greater",
      pass: fargate({}, { cpu: 256 }),
    },
  ],
  'container-memory': [
    {
      name: 'EC2 container without memory',
      fail: withContainers({ name: 'a', image: 'nginx:1.27', logConfiguration: { logDriver: 'json-file' } }),
      pointer: '/containerDefinitions/0',
      message: "Invalid setting for container 'a'. At least one of 'memory' or 'memoryReservation' must be specified.",
      pass: withContainers({
        name: 'a',
        image: 'nginx:1.27',
        memory: 256,
        logConfiguration: { logDriver: 'json-file' },
      }),
    },
    {
      name: 'container memory above task memory',
      fail: fargate({}, { memory: 1024 }),
      pointer: '/containerDefinitions/0/memory',
      message: "The 'memory' setting for container 'web' is greater than for the task.",
      pass: fargate({}, { memory: 512 }),
    },
    {
      name: 'reservation above hard limit',
      fail: withContainers(container('a', { memory: 128, memoryReservation: 256 })),
      pointer: '/containerDefinitions/0/memoryReservation',
      message: "'memoryReservation' must be less than or equal to 'memory'",
      pass: withContainers(container('a', { memory: 256, memoryReservation: 128 })),
    },
    {
      name: 'reservations above task memory',
      fail: ec2({ memory: '512' }, [
        container('a', { memoryReservation: 300 }),
        container('b', { memoryReservation: 300 }),
      ]),
      pointer: '/memory',
      message: "The sum of all container 'memoryReservation' values cannot be greater",
      pass: ec2({ memory: '1024' }, [
        container('a', { memoryReservation: 300 }),
        container('b', { memoryReservation: 300 }),
      ]),
    },
  ],
  'port-mappings': [
    {
      name: 'awsvpc hostPort differs',
      fail: web({ portMappings: [{ containerPort: 80, hostPort: 8080 }] }),
      pointer: '/containerDefinitions/0/portMappings/0/hostPort',
      message: 'When networkMode=awsvpc, the host ports and container ports in port mappings must match.',
      pass: web({ portMappings: [{ containerPort: 80, hostPort: 80 }] }),
    },
    {
      name: 'host mode hostPort differs',
      fail: ec2({ networkMode: 'host' }, [container('a', { portMappings: [{ containerPort: 80, hostPort: 81 }] })]),
      pointer: '/containerDefinitions/0/portMappings/0/hostPort',
      message: 'When networkMode=host, the host ports and container ports in port mappings must match.',
      pass: ec2({ networkMode: 'host' }, [container('a', { portMappings: [{ containerPort: 80 }] })]),
    },
    {
      name: 'port mapping in none mode',
      fail: ec2({ networkMode: 'none' }, [container('a', { portMappings: [{ containerPort: 80 }] })]),
      pointer: '/containerDefinitions/0/portMappings',
      message: 'Port mappings are not supported when networkMode=none.',
      pass: ec2({ networkMode: 'none' }, [container('a')]),
    },
    {
      name: 'container port 0',
      fail: web({ portMappings: [{ containerPort: 0 }] }),
      pointer: '/containerDefinitions/0/portMappings/0/containerPort',
      message: "Invalid 'containerPort' setting for container 'web'.",
      pass: web({ portMappings: [{ containerPort: 8080 }] }),
    },
    {
      name: 'container port 70000',
      fail: web({ portMappings: [{ containerPort: 70000 }] }),
      pointer: '/containerDefinitions/0/portMappings/0/containerPort',
      message: "Invalid 'containerPort' setting",
      pass: web({ portMappings: [{ containerPort: 65535 }] }),
    },
    {
      name: 'bridge host port out of range',
      fail: withContainers(container('a', { portMappings: [{ containerPort: 80, hostPort: 65536 }] })),
      pointer: '/containerDefinitions/0/portMappings/0/hostPort',
      message: "Invalid 'hostPort' setting",
      pass: withContainers(container('a', { portMappings: [{ containerPort: 80, hostPort: 8080 }] })),
    },
  ],
  'port-ranges': [
    {
      name: 'reversed range',
      fail: web({ portMappings: [{ containerPortRange: '9000-8000' }] }),
      pointer: '/containerDefinitions/0/portMappings/0/containerPortRange',
      message: "Invalid 'containerPortRange' setting",
      pass: web({ portMappings: [{ containerPortRange: '8000-9000' }] }),
    },
    {
      name: 'range in host mode',
      fail: ec2({ networkMode: 'host' }, [container('a', { portMappings: [{ containerPortRange: '8000-8010' }] })]),
      pointer: '/containerDefinitions/0/portMappings/0/containerPortRange',
      message: 'not supported when networkMode=host',
      pass: ec2({}, [container('a', { portMappings: [{ containerPortRange: '8000-8010' }] })]),
    },
    {
      name: 'overlapping ranges',
      fail: web({ portMappings: [{ containerPortRange: '8000-8010' }, { containerPortRange: '8005-8020' }] }),
      pointer: '/containerDefinitions/0/portMappings/1/containerPortRange',
      message: 'overlaps',
      pass: web({ portMappings: [{ containerPortRange: '8000-8010' }, { containerPortRange: '8011-8020' }] }),
    },
  ],
  'duplicate-ports': [
    {
      name: 'two containers on port 80 in awsvpc',
      fail: fargate({
        containerDefinitions: [
          fargate().containerDefinitions && (fargate().containerDefinitions as Json[])[0],
          { name: 'b', image: 'nginx:1.27', portMappings: [{ containerPort: 80 }], essential: false },
        ],
      }),
      pointer: '/containerDefinitions/1/portMappings/0',
      message: 'Port 80/tcp is mapped more than once',
      pass: fargate({
        containerDefinitions: [
          (fargate().containerDefinitions as Json[])[0],
          { name: 'b', image: 'nginx:1.27', portMappings: [{ containerPort: 81 }], essential: false },
        ],
      }),
    },
    {
      name: 'same fixed host port in bridge',
      fail: withContainers(
        container('a', { portMappings: [{ containerPort: 80, hostPort: 8080 }] }),
        container('b', { portMappings: [{ containerPort: 81, hostPort: 8080 }] }),
      ),
      pointer: '/containerDefinitions/1/portMappings/0',
      message: 'Port 8080/tcp is mapped more than once',
      pass: withContainers(
        container('a', { portMappings: [{ containerPort: 80, hostPort: 0 }] }),
        container('b', { portMappings: [{ containerPort: 80, hostPort: 0 }] }),
      ),
    },
  ],
  'port-mapping-name': [
    {
      name: 'uppercase port name',
      fail: web({ portMappings: [{ containerPort: 80, name: 'HTTP' }] }),
      pointer: '/containerDefinitions/0/portMappings/0/name',
      message: "Invalid port mapping name 'HTTP'.",
      pass: web({ portMappings: [{ containerPort: 80, name: 'web-http' }] }),
    },
    {
      name: 'same name twice',
      fail: web({
        portMappings: [
          { containerPort: 80, name: 'web' },
          { containerPort: 81, name: 'web' },
        ],
      }),
      pointer: '/containerDefinitions/0/portMappings/1/name',
      message: "Port mapping name 'web' is used more than once",
      pass: web({
        portMappings: [
          { containerPort: 80, name: 'web' },
          { containerPort: 81, name: 'admin' },
        ],
      }),
    },
  ],
  'awsvpc-container-options': [
    {
      name: 'hostname in awsvpc on EC2',
      fail: ec2({ networkMode: 'awsvpc' }, [container('a', { hostname: 'api' })]),
      pointer: '/containerDefinitions/0/hostname',
      message: "The 'hostname' parameter is not supported when networkMode=awsvpc.",
      pass: ec2({}, [container('a', { hostname: 'api' })]),
    },
  ],
  'secret-reference': [
    {
      name: 'malformed secret ARN',
      fail: web({ secrets: [{ name: 'TOKEN', valueFrom: 'arn:aws:secretsmanager:us-east-1:secret:token' }] }),
      pointer: '/containerDefinitions/0/secrets/0/valueFrom',
      message: 'Invalid arn syntax.',
      pass: web({
        secrets: [{ name: 'TOKEN', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:token-AbCdEf' }],
      }),
    },
  ],
  links: [
    {
      name: 'links in awsvpc on EC2',
      fail: ec2({ networkMode: 'awsvpc' }, [container('a', { links: ['b'] }), container('b')]),
      pointer: '/containerDefinitions/0/links',
      message: 'Links are not supported when networkMode=awsvpc.',
      pass: ec2({}, [container('a', { links: ['b'] }), container('b')]),
    },
    {
      name: 'link to a missing container',
      fail: withContainers(container('a', { links: ['db:database'] })),
      pointer: '/containerDefinitions/0/links/0',
      message: "Unable to link to container 'db'",
      pass: withContainers(container('a', { links: ['db:database'] }), container('db')),
    },
  ],
  'depends-on': [
    {
      name: 'unknown target',
      fail: withContainers(container('app', { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] })),
      pointer: '/containerDefinitions/0/dependsOn/0/containerName',
      message: "Cannot depend on container + 'migrate' because it does not exist",
      pass: withContainers(
        container('app', { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }),
        container('migrate', { essential: false }),
      ),
    },
    {
      name: 'SUCCESS on an essential container',
      fail: withContainers(
        container('app', { dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] }),
        container('migrate'),
      ),
      pointer: '/containerDefinitions/0/dependsOn/0/condition',
      message: 'A dependency container with SUCCESS or COMPLETE condition cannot be an essential container',
      pass: withContainers(
        container('app', { dependsOn: [{ containerName: 'migrate', condition: 'START' }] }),
        container('migrate'),
      ),
    },
    {
      name: 'HEALTHY without a health check',
      fail: withContainers(
        container('app', { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }),
        container('db'),
      ),
      pointer: '/containerDefinitions/0/dependsOn/0/condition',
      message: "Container 'db' has no health check",
      pass: withContainers(
        container('app', { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] }),
        container('db', { healthCheck: { command: ['CMD', 'pg_isready'] } }),
      ),
    },
  ],
  'reference-cycle': [
    {
      name: 'a waits for b, b waits for a',
      fail: withContainers(
        container('a', { dependsOn: [{ containerName: 'b', condition: 'START' }] }),
        container('b', { volumesFrom: [{ sourceContainer: 'a' }] }),
      ),
      pointer: '/containerDefinitions/1/volumesFrom/0/sourceContainer',
      message: 'Circular container dependency: a → b → a.',
      pass: withContainers(container('a', { dependsOn: [{ containerName: 'b', condition: 'START' }] }), container('b')),
    },
  ],
  volumes: [
    {
      name: 'mount of an undeclared volume',
      fail: withContainers(container('a', { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] })),
      pointer: '/containerDefinitions/0/mountPoints/0/sourceVolume',
      message: "Unknown volume 'data'.",
      pass: ec2({ volumes: [{ name: 'data' }] }, [
        container('a', { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] }),
      ]),
    },
    {
      name: 'volumesFrom an unknown container',
      fail: withContainers(container('a', { volumesFrom: [{ sourceContainer: 'ghost' }] })),
      pointer: '/containerDefinitions/0/volumesFrom/0/sourceContainer',
      message: "Unknown container 'ghost' in volumesFrom.",
      pass: withContainers(container('a', { volumesFrom: [{ sourceContainer: 'b' }] }), container('b')),
    },
    {
      name: 'duplicate volume names',
      fail: ec2({ volumes: [{ name: 'v' }, { name: 'v' }] }),
      pointer: '/volumes/1/name',
      message: "Volume names must be unique: 'v'",
      pass: ec2({ volumes: [{ name: 'v' }, { name: 'w' }] }),
    },
  ],
  'fargate-unsupported-parameter': [
    {
      name: 'pidMode host',
      fail: fargate({ pidMode: 'host' }),
      pointer: '/pidMode',
      message: "do not support pidMode 'host'. The supported value for pidMode is 'task'.",
      pass: fargate({ pidMode: 'task' }),
    },
    {
      name: 'ipcMode',
      fail: fargate({ ipcMode: 'task' }),
      pointer: '/ipcMode',
      message: 'do not support ipcMode.',
      pass: fargate(),
    },
    {
      name: 'privileged',
      fail: web({ privileged: true }),
      pointer: '/containerDefinitions/0/privileged',
      message: "do not support 'privileged'",
      pass: web({ privileged: false }),
    },
    {
      name: 'NET_ADMIN capability',
      fail: web({ linuxParameters: { capabilities: { add: ['NET_ADMIN'] } } }),
      pointer: '/containerDefinitions/0/linuxParameters/capabilities/add/0',
      message: "only support adding the 'SYS_PTRACE' kernel capability",
      pass: web({ linuxParameters: { capabilities: { add: ['SYS_PTRACE'], drop: ['NET_RAW'] } } }),
    },
    {
      name: 'sharedMemorySize',
      fail: web({ linuxParameters: { sharedMemorySize: 64 } }),
      pointer: '/containerDefinitions/0/linuxParameters/sharedMemorySize',
      message: "linuxParameters 'sharedMemorySize'",
      pass: web({ linuxParameters: { initProcessEnabled: true } }),
    },
    {
      name: 'docker volume',
      fail: fargate({ volumes: [{ name: 'v', dockerVolumeConfiguration: { scope: 'task' } }] }),
      pointer: '/volumes/0/dockerVolumeConfiguration',
      message: 'dockerVolumeConfiguration',
      pass: fargate({ volumes: [{ name: 'v' }] }),
    },
    {
      name: 'GPU',
      fail: web({ resourceRequirements: [{ type: 'GPU', value: '1' }] }),
      pointer: '/containerDefinitions/0/resourceRequirements/0',
      message: 'GPU resource requirements',
      pass: ec2({}, [container('a', { resourceRequirements: [{ type: 'GPU', value: '1' }] })]),
    },
  ],
  'execution-role-required': [
    {
      name: 'private ECR image without role',
      fail: fargate(
        { executionRoleArn: undefined },
        { image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0', logConfiguration: undefined },
      ),
      pointer: '/containerDefinitions/0/image',
      message: 'Fargate requires task definition to have execution role ARN to support ECR images.',
      pass: fargate({}, { image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0' }),
    },
    {
      name: 'awslogs without role',
      fail: fargate({ executionRoleArn: undefined }),
      pointer: '/containerDefinitions/0/logConfiguration/logDriver',
      message: 'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
      pass: fargate(),
    },
    {
      name: 'secrets without role',
      fail: ec2({}, [
        container('a', {
          secrets: [
            { name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' },
          ],
        }),
      ]),
      pointer: '/containerDefinitions/0/secrets',
      message: 'requires an execution role ARN to retrieve secrets',
      pass: ec2({ executionRoleArn: 'ecsTaskExecutionRole' }, [
        container('a', {
          secrets: [
            { name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' },
          ],
        }),
      ]),
    },
  ],
  'role-arn': [
    {
      name: 'user ARN as task role',
      fail: fargate({ taskRoleArn: 'arn:aws:iam::123456789012:user/alice' }),
      pointer: '/taskRoleArn',
      message: 'Role is not valid',
      pass: fargate({ taskRoleArn: 'arn:aws:iam::123456789012:role/service-role/web-task' }),
    },
  ],
  'log-configuration': [
    {
      name: 'syslog on Fargate',
      fail: web({ logConfiguration: { logDriver: 'syslog' } }),
      pointer: '/containerDefinitions/0/logConfiguration/logDriver',
      message: 'Fargate does not support log driver syslog.',
      pass: withContainers(container('a', { logConfiguration: { logDriver: 'syslog' } })),
    },
    {
      name: 'awslogs without region',
      fail: web({
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g', 'awslogs-stream-prefix': 'ecs' } },
      }),
      pointer: '/containerDefinitions/0/logConfiguration/options',
      message: 'Log driver awslogs requires options: awslogs-region',
      pass: fargate(),
    },
    {
      name: 'awslogs on Fargate without a stream prefix',
      fail: web({
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g', 'awslogs-region': 'eu-west-1' } },
      }),
      pointer: '/containerDefinitions/0/logConfiguration/options',
      message: 'Fargate requires log configuration options to include awslogs-stream-prefix',
      pass: withContainers(
        container('a', {
          logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g', 'awslogs-region': 'eu-west-1' } },
        }),
      ),
    },
    {
      name: 'unknown awslogs option',
      fail: web({
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': 'g', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'e', log_key: 'x' },
        },
      }),
      pointer: '/containerDefinitions/0/logConfiguration/options/log_key',
      message: 'Log driver awslogs disallows options: log_key',
      pass: fargate(),
    },
    {
      name: 'firelens without awsfirelens logs',
      fail: withContainers(container('router', { firelensConfiguration: { type: 'fluentbit' } })),
      pointer: '/containerDefinitions/0/firelensConfiguration',
      message:
        'When a firelensConfiguration object is specified, at least one container has to be configured with the awsfirelens log driver.',
      pass: withContainers(
        container('router', { firelensConfiguration: { type: 'fluentbit' } }),
        container('app', { logConfiguration: { logDriver: 'awsfirelens' } }),
      ),
    },
  ],
  'runtime-platform': [
    {
      name: 'Windows on ARM64',
      fail: fargate({
        cpu: '1024',
        memory: '2048',
        runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'ARM64' },
      }),
      pointer: '/runtimePlatform/cpuArchitecture',
      message: 'is not supported with cpuArchitecture ARM64',
      pass: fargate({ runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' } }),
    },
    {
      name: 'Windows in bridge mode',
      fail: ec2({ runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL' } }),
      pointer: '/networkMode',
      message: "Windows tasks do not support network mode 'bridge'.",
      pass: ec2({ networkMode: undefined, runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL' } }),
    },
  ],
  'health-check': [
    {
      name: 'command without CMD',
      fail: web({ healthCheck: { command: ['curl', '-f', 'http://localhost/'] } }),
      pointer: '/containerDefinitions/0/healthCheck/command/0',
      message: 'does not start with CMD or CMD-SHELL',
      pass: web({ healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] } }),
    },
    {
      name: 'interval 1 second',
      fail: web({ healthCheck: { command: ['CMD', 'true'], interval: 1 } }),
      pointer: '/containerDefinitions/0/healthCheck/interval',
      message: 'It must be between 5 and 300.',
      pass: web({ healthCheck: { command: ['CMD', 'true'], interval: 5 } }),
    },
    {
      name: 'retries 11',
      fail: web({ healthCheck: { command: ['CMD', 'true'], retries: 11 } }),
      pointer: '/containerDefinitions/0/healthCheck/retries',
      message: 'It must be between 1 and 10.',
      pass: web({ healthCheck: { command: ['CMD', 'true'], retries: 10 } }),
    },
  ],
  'ephemeral-storage': [
    {
      name: '20 GiB',
      fail: fargate({ ephemeralStorage: { sizeInGiB: 20 } }),
      pointer: '/ephemeralStorage/sizeInGiB',
      message: 'It must be between 21 and 200.',
      pass: fargate({ ephemeralStorage: { sizeInGiB: 21 } }),
    },
  ],
  environment: [
    {
      name: 'variable without name',
      fail: web({ environment: [{ value: 'x' }] }),
      pointer: '/containerDefinitions/0/environment/0',
      message: 'Environment variable name cannot be null or blank.',
      pass: web({ environment: [{ name: 'PORT', value: '80' }] }),
    },
    {
      name: 'secret clashing with a variable',
      fail: web({
        environment: [{ name: 'DB_HOST', value: 'db' }],
        secrets: [{ name: 'DB_HOST', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db-host' }],
      }),
      pointer: '/containerDefinitions/0/secrets/0/name',
      message: "such as 'DB_HOST'",
      pass: web({
        environment: [{ name: 'DB_PORT', value: '5432' }],
        secrets: [{ name: 'DB_HOST', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db-host' }],
      }),
    },
    {
      name: 'environment file not .env in S3',
      fail: web({ environmentFiles: [{ value: 'arn:aws:s3:::bucket/app.txt', type: 's3' }] }),
      pointer: '/containerDefinitions/0/environmentFiles/0/value',
      message: 'with the .env extension',
      pass: web({ environmentFiles: [{ value: 'arn:aws:s3:::bucket/app.env', type: 's3' }] }),
    },
  ],
  'container-timeouts': [
    {
      name: 'stopTimeout 300 on Fargate',
      fail: web({ stopTimeout: 300 }),
      pointer: '/containerDefinitions/0/stopTimeout',
      message: 'On Fargate it must be between 2 and 120 seconds.',
      pass: web({ stopTimeout: 120 }),
    },
  ],
  'mutable-image-tag': [
    {
      name: 'no tag',
      fail: web({ image: 'nginx' }),
      pointer: '/containerDefinitions/0/image',
      message: 'has no tag, so it means :latest',
      pass: web({ image: 'nginx:1.27' }),
    },
    {
      name: 'latest tag on a registry with a port',
      fail: web({ image: 'registry.example.com:5000/team/app:latest' }),
      pointer: '/containerDefinitions/0/image',
      message: 'uses the :latest tag',
      pass: web({ image: 'registry.example.com:5000/team/app:2.1.0' }),
    },
  ],
  'no-log-configuration': [
    {
      name: 'container without logs',
      fail: web({ logConfiguration: undefined }),
      pointer: '/containerDefinitions/0',
      message: "Container 'web' has no log configuration.",
      pass: fargate(),
    },
  ],
  'plaintext-secret': [
    {
      name: 'password in environment',
      fail: web({ environment: [{ name: 'DB_PASSWORD', value: 'hunter2' }] }),
      pointer: '/containerDefinitions/0/environment/0/value',
      message: '"DB_PASSWORD" looks like a credential in plain text.',
      pass: web({ environment: [{ name: 'LOG_LEVEL', value: 'info' }] }),
    },
  ],
  'privileged-container': [
    {
      name: 'privileged on EC2',
      fail: withContainers(container('a', { privileged: true })),
      pointer: '/containerDefinitions/0/privileged',
      message: "Container 'a' runs privileged.",
      pass: withContainers(container('a')),
    },
  ],
};

describe('semantic rules', () => {
  it('every rule has test cases, and every case names a rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('every rule has an id, a summary and somewhere to learn more', () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(rule.summary.length).toBeGreaterThan(10);
      expect(rule.learnMore.docs ?? rule.learnMore.lesson).toBeDefined();
    }
  });

  for (const [id, cases] of Object.entries(CASES)) {
    describe(id, () => {
      for (const c of cases) {
        it(`reports: ${c.name}`, () => {
          const found = findingsFor(c.fail, id);
          expect(found.map((f) => f.pointer)).toContain(c.pointer);
          expect(found.find((f) => f.pointer === c.pointer)?.awsMessage).toContain(c.message);
        });
        it(`accepts the corrected version of: ${c.name}`, () => {
          expect(findingsFor(c.pass, id)).toEqual([]);
        });
      }
    });
  }

  it('offers quick fixes that make the problem go away', () => {
    let applied = 0;
    for (const [id, cases] of Object.entries(CASES)) {
      for (const c of cases) {
        const text = JSON.stringify(c.fail, null, 2);
        for (const d of validateTaskDefinition(text).diagnostics.filter((x) => x.code === id && x.fixes?.length)) {
          for (const fix of d.fixes ?? []) {
            const after = validateTaskDefinition(applyFix(text, fix)).diagnostics;
            const still = after.filter(
              (x) => x.code === id && x.pointer === d.pointer && x.awsMessage === d.awsMessage,
            );
            expect(still, `${id} / ${c.name} / ${fix.title}`).toEqual([]);
            expect(
              after.some((x) => x.code.startsWith('json-')),
              `${fix.title} keeps valid JSON`,
            ).toBe(false);
            applied++;
          }
        }
      }
    }
    expect(applied).toBeGreaterThan(20);
  });

  it('accepts the baseline Fargate and EC2 definitions with no finding at all', () => {
    expect(checkTaskDefinition(fargate())).toEqual([]);
    expect(checkTaskDefinition(ec2())).toEqual([]);
  });
});

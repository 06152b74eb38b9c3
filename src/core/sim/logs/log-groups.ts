/**
 * CloudWatch Logs, as far as the awslogs log driver goes: log groups and streams, events written
 * by containers, and the commands to read them. Streams are named the way the driver names them:
 * PREFIX/CONTAINER/TASK-ID.
 */
import { dict } from '../../own.ts';
import type { Simulator } from '../engine.ts';
import { AwsError } from '../errors.ts';
import type { TaskRecord } from '../state.ts';

export interface LogEvent {
  /** Epoch milliseconds, as CloudWatch Logs counts. */
  timestamp: number;
  message: string;
  ingestionTime: number;
}

export interface LogGroup {
  logGroupName: string;
  creationTime: number;
  streams: Record<string, { creationTime: number; events: LogEvent[] }>;
}

export type LogsState = Record<string, LogGroup>;

/** Lines a well-known image prints when it starts (what learners see in CloudWatch first). */
const STARTUP: Record<string, string[]> = {
  nginx: [
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    'nginx/1.27.4',
    'start worker processes',
  ],
  httpd: [
    "AH00558: httpd: Could not reliably determine the server's fully qualified domain name",
    'Apache/2.4.63 (Unix) configured -- resuming normal operations',
  ],
};

export function createLogGroup(sim: Simulator, name: string): LogGroup {
  if (!/^[\w\-./#]{1,512}$/.test(name)) {
    throw new AwsError(
      'InvalidParameterException',
      `1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint`,
    );
  }
  if (sim.state.logs[name])
    throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
  const group: LogGroup = { logGroupName: name, creationTime: sim.state.now, streams: dict() };
  sim.state.logs[name] = group;
  sim.note(`Log group ${name} created.`);
  return group;
}

export function findLogGroup(sim: Simulator, name: string): LogGroup {
  const group = sim.state.logs[name];
  if (!group) throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
  return group;
}

/** The awslogs stream of a container, or undefined when it does not log with awslogs. */
export function streamOf(
  sim: Simulator,
  record: TaskRecord,
  containerName: string,
): { group: string; stream: string; create: boolean } | undefined {
  const family = record.task.taskDefinitionArn?.split('task-definition/')[1]?.split(':')[0] ?? '';
  const def = sim.state.taskDefinitions[family]?.find((d) => d.taskDefinitionArn === record.task.taskDefinitionArn);
  const log = def?.containerDefinitions?.find((c) => c.name === containerName)?.logConfiguration;
  if (log?.logDriver !== 'awslogs') return undefined;
  const options = log.options ?? {};
  const id = record.task.taskArn?.split('/').at(-1) ?? '';
  const prefix = options['awslogs-stream-prefix'];
  return {
    group: options['awslogs-group'] ?? '',
    stream: prefix ? `${prefix}/${containerName}/${id}` : id,
    create: options['awslogs-create-group'] === 'true',
  };
}

/** Checks the log group exists (or may be created), as the driver does before a container starts. */
export function loggingProblem(sim: Simulator, record: TaskRecord): string | undefined {
  for (const plan of record.plans) {
    const target = streamOf(sim, record, plan.name);
    if (!target || sim.state.logs[target.group] || target.create) continue;
    return 'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1';
  }
  return undefined;
}

/** Appends lines to a container's stream (creating group and stream as the driver would). */
export function writeLog(sim: Simulator, record: TaskRecord, containerName: string, lines: string[]): void {
  const target = streamOf(sim, record, containerName);
  if (!target) return;
  let group = sim.state.logs[target.group];
  if (!group) {
    if (!target.create) return;
    group = createLogGroup(sim, target.group);
  }
  const stream = group.streams[target.stream] ?? { creationTime: sim.state.now, events: [] };
  group.streams[target.stream] = stream;
  for (const message of lines)
    stream.events.push({ timestamp: sim.state.now, message, ingestionTime: sim.state.now + 120 });
  if (stream.events.length > 1000) stream.events.splice(0, stream.events.length - 1000);
}

/** What a container prints as it starts. */
export function startupLines(image: string, listensOn: number | undefined): string[] {
  const known = Object.entries(STARTUP).find(([name]) => image.includes(name));
  if (known) return known[1];
  return listensOn !== undefined ? [`Server listening on port ${listensOn}`] : ['Starting'];
}

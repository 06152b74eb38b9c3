import { asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/** Log drivers Fargate supports; EC2 additionally offers fluentd, gelf, journald, json-file, syslog. */
export const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

/** Options the awslogs driver understands. */
export const AWSLOGS_OPTIONS = [
  'awslogs-group',
  'awslogs-region',
  'awslogs-stream-prefix',
  'awslogs-create-group',
  'awslogs-datetime-format',
  'awslogs-multiline-pattern',
  'awslogs-endpoint',
  'mode',
  'max-buffer-size',
  'awslogs-credentials-endpoint',
  'tag',
];

/**
 * logConfiguration: the driver is available on the capacity, awslogs has its required options
 * (group and region; a stream prefix on Fargate) and no unknown ones, and firelensConfiguration
 * comes with an awsfirelens container.
 */
export const logConfiguration: Rule = {
  id: 'log-configuration',
  summary: 'Log drivers and their options are valid for where the task runs.',
  learnMore: {
    lesson: { id: 'logging-and-monitoring', section: 'container-logs-with-the-awslogs-driver' },
    docs: DOCS.logConfiguration,
  },
  check({ containers, fargate }) {
    const out: Finding[] = [];
    for (const c of containers) {
      const log = asObject(c.def.logConfiguration);
      const driver = asString(log?.logDriver);
      if (!log || driver === undefined) continue;
      const pointer = `${c.pointer}/logConfiguration`;
      if (fargate && !FARGATE_LOG_DRIVERS.includes(driver)) {
        out.push(
          finding(this, {
            awsMessage: `Fargate does not support log driver ${driver}.`,
            explanation: `On Fargate a container can log with ${FARGATE_LOG_DRIVERS.join(', ')}. "awslogs" sends logs to CloudWatch Logs and is the usual choice.`,
            pointer: `${pointer}/logDriver`,
            fixes: [{ title: 'Use awslogs', edits: [{ pointer: `${pointer}/logDriver`, value: 'awslogs' }] }],
          }),
        );
        continue;
      }
      if (driver !== 'awslogs') continue;
      const options = asObject(log.options) ?? {};
      const missing = ['awslogs-region', 'awslogs-group'].filter((o) => asString(options[o]) === undefined);
      if (missing.length > 0) {
        out.push(
          finding(this, {
            awsMessage: `Log driver awslogs requires options: ${missing.join(', ')}`,
            explanation:
              'awslogs needs to know which CloudWatch Logs group to write to and in which Region, for example "awslogs-group": "/ecs/web" and "awslogs-region": "us-east-1".',
            pointer: log.options === undefined ? pointer : `${pointer}/options`,
            fixes: [
              {
                title: 'Add the missing options',
                edits: missing.map((o) => ({
                  pointer: `${pointer}/options/${o}`,
                  value: o === 'awslogs-region' ? 'us-east-1' : `/ecs/${c.name ?? 'app'}`,
                })),
              },
            ],
          }),
        );
      }
      if (fargate && asString(options['awslogs-stream-prefix']) === undefined) {
        out.push(
          finding(this, {
            awsMessage:
              'Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.',
            explanation:
              'On Fargate each task writes its own log stream, named prefix/container-name/task-id. Add "awslogs-stream-prefix", for example "ecs".',
            pointer: log.options === undefined ? pointer : `${pointer}/options`,
            fixes: [
              {
                title: 'Add "awslogs-stream-prefix": "ecs"',
                edits: [{ pointer: `${pointer}/options/awslogs-stream-prefix`, value: 'ecs' }],
              },
            ],
          }),
        );
      }
      for (const key of Object.keys(options)) {
        if (!AWSLOGS_OPTIONS.includes(key)) {
          out.push(
            finding(this, {
              awsMessage: `Log driver awslogs disallows options: ${key}`,
              explanation: `awslogs does not know "${key}". Its options are ${AWSLOGS_OPTIONS.join(', ')}.`,
              pointer: `${pointer}/options/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
              onKey: true,
            }),
          );
        }
      }
    }
    const firelens = containers.find((c) => c.def.firelensConfiguration !== undefined);
    const router = containers.some((c) => asString(asObject(c.def.logConfiguration)?.logDriver) === 'awsfirelens');
    if (firelens && !router) {
      out.push(
        finding(this, {
          awsMessage:
            'When a firelensConfiguration object is specified, at least one container has to be configured with the awsfirelens log driver.',
          explanation:
            'FireLens routes other containers\' logs through this log-router container; a container must send its logs with "logDriver": "awsfirelens" for that to make sense.',
          pointer: `${firelens.pointer}/firelensConfiguration`,
        }),
      );
    }
    return out;
  },
};

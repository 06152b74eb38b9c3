/**
 * "What this task definition does", in plain sentences, for the editor's summary panel. Reads
 * whatever is there; wrong types are skipped (the diagnostics explain them).
 */

import { describeCpu, describeMemory } from '../ecs/task-size.ts';
import { own } from '../own.ts';
import { asArray, asObject, asString, buildContext } from './context.ts';

function roleName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1) || arn;
}

const NETWORK: Record<string, string> = {
  awsvpc: 'each task gets its own network interface and private IP address in your VPC',
  bridge:
    "containers sit on Docker's bridge network inside the instance; bridge is ECS's default when networkMode is left out",
  host: "containers use the instance's own network interface and ports directly",
  none: 'containers have no outside network connection',
};

export function summarize(value: unknown): string[] {
  const td = asObject(value);
  if (!td) return [];
  const ctx = buildContext(td);
  const lines: string[] = [];
  const family = asString(td.family);
  if (family) lines.push(`Family "${family}": registering it creates the next revision, ${family}:N.`);

  const where = ctx.requires.size > 0 ? [...ctx.requires].join(' and ') : 'EC2 (no requiresCompatibilities given)';
  const size =
    ctx.taskCpu !== undefined || ctx.taskMemory !== undefined
      ? ` Each task gets ${[ctx.taskCpu !== undefined ? describeCpu(ctx.taskCpu) : undefined, ctx.taskMemory !== undefined ? describeMemory(ctx.taskMemory) : undefined].filter(Boolean).join(' and ')}.`
      : '';
  lines.push(`Must be valid for ${where}.${size}`);
  lines.push(`Networking: ${ctx.networkMode}: ${own(NETWORK, ctx.networkMode) ?? 'an unknown mode'}.`);

  for (const c of ctx.containers) {
    const parts = [
      `runs ${asString(c.def.image) ?? 'no image yet'}${c.essential ? ' (essential: the task stops if it stops)' : ' (not essential)'}`,
    ];
    const ports = asArray(c.def.portMappings).flatMap((p) => {
      const m = asObject(p);
      const port = m?.containerPort ?? m?.containerPortRange;
      return port === undefined ? [] : [`${String(port)}/${asString(m?.protocol) ?? 'tcp'}`];
    });
    if (ports.length > 0) parts.push(`listens on ${ports.join(', ')}`);
    const log = asObject(c.def.logConfiguration);
    const group = asString(asObject(log?.options)?.['awslogs-group']);
    if (asString(log?.logDriver) === 'awslogs') parts.push(`logs to CloudWatch Logs${group ? ` group ${group}` : ''}`);
    else if (asString(log?.logDriver)) parts.push(`logs with ${asString(log?.logDriver)}`);
    for (const d of asArray(c.def.dependsOn)) {
      const dep = asObject(d);
      const target = asString(dep?.containerName);
      const condition = asString(dep?.condition);
      if (target && condition)
        parts.push(
          `waits for ${target} to ${{ START: 'start', COMPLETE: 'finish', SUCCESS: 'finish successfully', HEALTHY: 'become healthy' }[condition] ?? condition.toLowerCase()}`,
        );
    }
    const secrets = asArray(c.def.secrets).length;
    if (secrets > 0) parts.push(`receives ${secrets} secret${secrets === 1 ? '' : 's'} as environment variables`);
    lines.push(`Container ${c.name ?? `#${c.index + 1}`}: ${parts.join('; ')}.`);
  }
  const execution = asString(td.executionRoleArn);
  if (execution) lines.push(`ECS pulls images, sends logs and fetches secrets as the role ${roleName(execution)}.`);
  const task = asString(td.taskRoleArn);
  if (task) lines.push(`Your code calls AWS as the role ${roleName(task)}.`);
  return lines;
}

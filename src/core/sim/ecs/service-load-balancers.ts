/**
 * What ECS does with a service's load balancers: register each task's container as a target when
 * the task runs, wait for the target group's health checks, drain targets before a task stops,
 * and write the matching service events.
 */
import { registerTarget, secondsToHealthy, updateTargetHealth } from '../elb/load-balancing.ts';
import type { Simulator } from '../engine.ts';
import type { ScheduledEvent, TaskRecord } from '../state.ts';
import { requestReconcile } from './reconcile-queue.ts';
import { event } from './services.ts';

/** The target group's default deregistration delay. */
export const DEREGISTRATION_DELAY = 300;

export function registerServiceTask(sim: Simulator, record: TaskRecord): void {
  const service = record.serviceArn ? sim.state.services[record.serviceArn] : undefined;
  if (!service) return;
  for (const lb of service.service.loadBalancers ?? []) {
    const group = lb.targetGroupArn ? sim.state.elb.targetGroups[lb.targetGroupArn] : undefined;
    if (!group) continue;
    const container = record.task.containers?.find((c) => c.name === lb.containerName);
    const eniIp = record.task.attachments?.[0]?.details?.find((d) => d.name === 'privateIPv4Address')?.value;
    const instance = record.instanceArn ? sim.state.containerInstances[record.instanceArn] : undefined;
    const binding = container?.networkBindings?.find((b) => b.containerPort === lb.containerPort);
    const target = eniIp
      ? { id: eniIp, port: lb.containerPort ?? 80, address: eniIp }
      : {
          id: instance?.ec2InstanceId ?? '',
          port: binding?.hostPort ?? lb.containerPort ?? 80,
          address: instance?.privateIp ?? '',
        };
    registerTarget(sim, group.TargetGroupArn, record, target);
    event(
      sim,
      service,
      `(service ${service.service.serviceName}) registered 1 targets in (target-group ${group.TargetGroupArn})`,
    );
    sim.schedule(secondsToHealthy(group), { kind: 'target-health', target: group.TargetGroupArn });
  }
}

/** Starts draining a task's targets; returns how long the task waits in DEACTIVATING. */
export function drainServiceTask(sim: Simulator, record: TaskRecord): number {
  const arn = record.task.taskArn as string;
  let draining = 0;
  for (const [groupArn, targets] of Object.entries(sim.state.elb.targets)) {
    const mine = targets.filter((t) => t.taskArn === arn && t.state !== 'draining');
    for (const t of mine) {
      t.state = 'draining';
      t.reason = 'Target.DeregistrationInProgress';
      t.description = 'Target deregistration is in progress';
      t.since = sim.seconds;
    }
    if (mine.length === 0) continue;
    draining = DEREGISTRATION_DELAY;
    const service = record.serviceArn ? sim.state.services[record.serviceArn] : undefined;
    if (service) {
      event(sim, service, `(service ${service.service.serviceName}) has begun draining connections on 1 tasks.`);
      event(
        sim,
        service,
        `(service ${service.service.serviceName}) deregistered 1 targets in (target-group ${groupArn})`,
      );
    }
    sim.schedule(DEREGISTRATION_DELAY, { kind: 'target-health', target: groupArn });
  }
  return draining;
}

/** Scheduled "target-health": health checks have had time to pass (or drained targets leave). */
export function targetHealthEvent(sim: Simulator, _event: ScheduledEvent): void {
  const listening = (t: { taskArn: string; port: number }) => {
    const record = sim.state.tasks[t.taskArn];
    if (record?.task.lastStatus !== 'RUNNING') return false;
    const awsvpc = record.task.attachments && record.task.attachments.length > 0;
    return record.plans.some((p) => {
      const container = record.task.containers?.find((c) => c.name === p.name);
      const port = awsvpc ? t.port : container?.networkBindings?.find((b) => b.hostPort === t.port)?.containerPort;
      return p.listensOn !== undefined && p.listensOn === port && container?.lastStatus === 'RUNNING';
    });
  };
  const healthy = updateTargetHealth(sim, listening);
  for (const t of healthy) {
    const record = sim.state.tasks[t.taskArn];
    if (record?.serviceArn) requestReconcile(sim, record.serviceArn, 0);
  }
}

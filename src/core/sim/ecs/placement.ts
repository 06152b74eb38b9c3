/**
 * Task placement on EC2 container instances: filter by resources (CPU, memory, host ports), then
 * by constraints (distinctInstance, memberOf), then order by strategies (binpack, spread, random).
 * Constraints bind; strategies are preferences. Reservations count, not measured use.
 */
import type { TaskDefinition } from '../../ecs/generated/ecs-types.ts';
import type { Simulator } from '../engine.ts';
import type { ContainerInstanceRecord } from '../state.ts';
import { remaining } from './container-instances.ts';

export interface Requirements {
  cpu: number;
  memory: number;
  /** Fixed host ports the task needs (bridge with hostPort, host mode). */
  ports: number[];
  /** Dynamic host ports needed (bridge with hostPort 0 or absent). */
  dynamicPorts: number;
}

export interface PlacementStrategy {
  type: string;
  field?: string;
}
export interface PlacementConstraint {
  type: string;
  expression?: string;
}

/** What one task of this definition reserves on an instance. */
export function requirements(def: TaskDefinition): Requirements {
  const containers = def.containerDefinitions ?? [];
  const cpu = def.cpu !== undefined ? Number(def.cpu) : containers.reduce((s, c) => s + (c.cpu ?? 0), 0);
  const memory =
    def.memory !== undefined
      ? Number(def.memory)
      : containers.reduce((s, c) => s + (c.memory ?? c.memoryReservation ?? 0), 0);
  const ports: number[] = [];
  let dynamicPorts = 0;
  if (def.networkMode !== 'awsvpc' && def.networkMode !== 'none') {
    for (const c of containers) {
      for (const p of c.portMappings ?? []) {
        const fixed = def.networkMode === 'host' ? (p.hostPort ?? p.containerPort) : p.hostPort;
        if (fixed !== undefined && fixed > 0) ports.push(fixed);
        else if (p.containerPort !== undefined) dynamicPorts += 1;
      }
    }
  }
  return { cpu, memory, ports, dynamicPorts };
}

/** Why an instance cannot take the task, as ECS names it in `failures[].reason`. */
export function shortfall(sim: Simulator, record: ContainerInstanceRecord, needs: Requirements): string | undefined {
  if (record.instance.status !== 'ACTIVE' || record.instance.agentConnected === false) return 'AGENT';
  const free = remaining(sim, record);
  if (free.cpu < needs.cpu) return 'RESOURCE:CPU';
  if (free.memory < needs.memory) return 'RESOURCE:MEMORY';
  if (needs.ports.some((p) => record.usedPorts.includes(p))) return 'RESOURCE:PORTS';
  return undefined;
}

const attribute = (record: ContainerInstanceRecord, name: string) =>
  record.instance.attributes?.find((a) => a.name === name)?.value;

/** Evaluates a small subset of the cluster query language: `attribute:NAME op VALUE`, `ec2InstanceId op VALUE`. */
export function matchesExpression(record: ContainerInstanceRecord, expression: string): boolean {
  return expression.split(/\s+or\s+/i).some((alternative) =>
    alternative.split(/\s+and\s+/i).every((clause) => {
      const m = /^\s*(attribute:[\w.-]+|ec2InstanceId|registeredAt)\s*(==|!=|in|not_in)\s*(.+?)\s*$/.exec(clause);
      if (!m) return false;
      const [, left = '', op, rawValue = ''] = m;
      const actual =
        left === 'ec2InstanceId' ? record.ec2InstanceId : attribute(record, left.slice('attribute:'.length));
      const values = rawValue
        .replace(/^\[|\]$/g, '')
        .split(',')
        .map((v) => v.trim().replace(/^["']|["']$/g, ''));
      const hit = actual !== undefined && values.includes(actual);
      return op === '==' || op === 'in' ? hit : !hit;
    }),
  );
}

/** Picks an instance for one task, or explains why none fits. */
export function place(
  sim: Simulator,
  candidates: ContainerInstanceRecord[],
  needs: Requirements,
  options: { strategies: PlacementStrategy[]; constraints: PlacementConstraint[]; groupInstances: string[] },
): { record: ContainerInstanceRecord } | { reason: string; arn: string } {
  let best: { reason: string; arn: string } | undefined;
  let fits = candidates.filter((r) => {
    const reason = shortfall(sim, r, needs);
    if (reason && !best) best = { reason, arn: r.instance.containerInstanceArn as string };
    return reason === undefined;
  });
  for (const c of options.constraints) {
    if (c.type === 'distinctInstance')
      fits = fits.filter((r) => !options.groupInstances.includes(r.instance.containerInstanceArn as string));
    if (c.type === 'memberOf' && c.expression) fits = fits.filter((r) => matchesExpression(r, c.expression as string));
  }
  if (fits.length === 0)
    return (
      best ?? {
        reason: candidates.length > 0 ? 'ATTRIBUTE' : 'MISSING',
        arn: candidates[0]?.instance.containerInstanceArn ?? '',
      }
    );
  const tasksOn = (r: ContainerInstanceRecord) =>
    options.groupInstances.filter((arn) => arn === r.instance.containerInstanceArn).length;
  const tasksInZone = (zone: string) =>
    options.groupInstances.filter((arn) => sim.state.containerInstances[arn]?.availabilityZone === zone).length;
  let ordered = [...fits];
  for (const strategy of [...options.strategies].reverse()) {
    const field = strategy.field ?? '';
    if (strategy.type === 'random') {
      ordered = ordered
        .map((r) => ({ r, k: sim.rng.next() }))
        .sort((a, b) => a.k - b.k)
        .map((x) => x.r);
    } else if (strategy.type === 'binpack') {
      const key = (r: ContainerInstanceRecord) => (field === 'cpu' ? remaining(sim, r).cpu : remaining(sim, r).memory);
      ordered.sort((a, b) => key(a) - key(b));
    } else if (strategy.type === 'spread') {
      const key = (r: ContainerInstanceRecord) =>
        field === 'instanceId' || field === 'host' ? tasksOn(r) : tasksInZone(r.availabilityZone);
      ordered.sort((a, b) => key(a) - key(b));
    }
  }
  return { record: ordered[0] as ContainerInstanceRecord };
}

/**
 * Task placement on EC2 container instances: filter by resources (CPU, memory, host ports), then
 * by constraints (distinctInstance, memberOf), then order by strategies (binpack, spread, random).
 * Constraints bind; strategies are preferences. Reservations count, not measured use.
 */
import type { TaskDefinition } from '../../ecs/generated/ecs-types.ts';
import type { Simulator } from '../engine.ts';
import type { ContainerInstanceRecord } from '../state.ts';

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
  // With both limits, ECS reserves the soft one (memoryReservation) on the instance.
  const memory =
    def.memory !== undefined
      ? Number(def.memory)
      : containers.reduce((s, c) => s + (c.memoryReservation ?? c.memory ?? 0), 0);
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
export function shortfall(record: ContainerInstanceRecord, needs: Requirements): string | undefined {
  if (record.instance.status !== 'ACTIVE' || record.instance.agentConnected === false) return 'AGENT';
  if (record.registeredCpu - record.reservedCpu < needs.cpu) return 'RESOURCE:CPU';
  if (record.registeredMemory - record.reservedMemory < needs.memory) return 'RESOURCE:MEMORY';
  if (needs.ports.length > 0 && needs.ports.some((p) => record.usedPorts.includes(p))) return 'RESOURCE:PORTS';
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

/** How many tasks of the placement group each instance and each Availability Zone already runs. */
export interface GroupCounts {
  byInstance: Map<string, number>;
  byZone: Map<string, number>;
}

export function groupCounts(sim: Simulator, group: string): GroupCounts {
  const byInstance = new Map<string, number>();
  const byZone = new Map<string, number>();
  for (const [arn, count] of Object.entries(sim.state.placementGroups[group] ?? {})) {
    byInstance.set(arn, count);
    const zone = sim.state.containerInstances[arn]?.availabilityZone ?? '';
    byZone.set(zone, (byZone.get(zone) ?? 0) + count);
  }
  return { byInstance, byZone };
}

/**
 * Picks an instance for one task, or explains why none fits. One pass over the candidates:
 * constraints filter, strategies compare in order (binpack: least remaining first; spread:
 * fewest tasks of the group; random: a fresh random key).
 */
export function place(
  sim: Simulator,
  candidates: readonly ContainerInstanceRecord[],
  needs: Requirements,
  options: { strategies: PlacementStrategy[]; constraints: PlacementConstraint[]; counts: GroupCounts },
): { record: ContainerInstanceRecord } | { reason: string; arn: string } {
  let firstReason: { reason: string; arn: string } | undefined;
  let best: ContainerInstanceRecord | undefined;
  const strategies = options.strategies;
  const bestKey = new Array<number>(strategies.length).fill(0);
  const key = new Array<number>(strategies.length).fill(0);
  for (const r of candidates) {
    const reason = shortfall(r, needs);
    if (reason) {
      firstReason ??= { reason, arn: r.instance.containerInstanceArn as string };
      continue;
    }
    const arn = r.instance.containerInstanceArn as string;
    const blocked =
      options.constraints.length > 0 &&
      options.constraints.some(
        (c) =>
          (c.type === 'distinctInstance' && (options.counts.byInstance.get(arn) ?? 0) > 0) ||
          (c.type === 'memberOf' && c.expression && !matchesExpression(r, c.expression)),
      );
    if (blocked) {
      firstReason ??= { reason: 'ATTRIBUTE', arn };
      continue;
    }
    for (let s = 0; s < strategies.length; s++) {
      const strategy = strategies[s] as PlacementStrategy;
      const field = strategy.field ?? '';
      let k = 0;
      if (strategy.type === 'random') k = sim.rng.next();
      else if (strategy.type === 'binpack') {
        k = field === 'cpu' ? r.registeredCpu - r.reservedCpu : r.registeredMemory - r.reservedMemory;
      } else if (strategy.type === 'spread') {
        k =
          field === 'instanceId' || field === 'host'
            ? (options.counts.byInstance.get(arn) ?? 0)
            : (options.counts.byZone.get(r.availabilityZone) ?? 0);
      }
      key[s] = k;
    }
    // Lexicographic comparison: the first strategy decides, later ones break ties.
    let better = best === undefined;
    for (let s = 0; !better && s < strategies.length; s++) {
      if ((key[s] as number) < (bestKey[s] as number)) better = true;
      else if ((key[s] as number) > (bestKey[s] as number)) break;
    }
    if (better) {
      best = r;
      for (let s = 0; s < strategies.length; s++) bestKey[s] = key[s] as number;
    }
  }
  if (best) return { record: best };
  return firstReason ?? { reason: 'MISSING', arn: candidates[0]?.instance.containerInstanceArn ?? '' };
}

/**
 * The simulator: one AWS account in one Region, driven only by API calls and virtual time.
 * Deterministic: the same seed and the same calls give the same state and outputs.
 */

import { dict } from '../own.ts';
import { emptyElbState } from './elb/load-balancing.ts';
import { AwsError } from './errors.ts';
import type { ImageBehaviour } from './images.ts';
import { defaultNetwork } from './network.ts';
import { Rng, seedState } from './rng.ts';
import type { ScheduledEvent, SimState, TaskRecord } from './state.ts';

/** Links between parts of the simulator that must not import each other (tasks ↔ services, ECR). */
export interface SimHooks {
  afterTaskRunning?: (record: TaskRecord) => void;
  afterTaskStopped?: (record: TaskRecord) => void;
  /** A task attached to a load balancer begins draining; returns the seconds draining takes. */
  onTaskDraining?: (record: TaskRecord) => number;
  /** Behaviour of an image pushed to the simulated ECR, if it exists. */
  ecrImageBehaviour?: (repository: string, tag: string, digest?: string) => ImageBehaviour | undefined;
}

export interface SimOptions {
  seed?: number;
  account?: string;
  region?: string;
  /** Virtual start time, epoch milliseconds. */
  startTime?: number;
}

/** 2026-01-05T09:00:00Z: a fixed, ordinary working morning. */
export const DEFAULT_START = Date.UTC(2026, 0, 5, 9, 0, 0);

export type Handler = (sim: Simulator, input: Record<string, unknown>) => Record<string, unknown>;
export type EventHandler = (sim: Simulator, event: ScheduledEvent) => void;

/** JSON.parse gives maps with Object.prototype; state maps keyed by names must have none. */
function withoutPrototypes(state: SimState): SimState {
  const strip = <T>(record: Record<string, T>): Record<string, T> => Object.assign(dict<T>(), record);
  const groups = strip(state.placementGroups ?? {});
  for (const key of Object.keys(groups)) groups[key] = strip(groups[key] ?? {});
  const logs = strip(state.logs ?? {});
  for (const group of Object.values(logs)) group.streams = strip(group.streams);
  return {
    ...state,
    clusters: strip(state.clusters),
    taskDefinitions: strip(state.taskDefinitions),
    tasks: strip(state.tasks),
    services: strip(state.services),
    containerInstances: strip(state.containerInstances),
    tags: strip(state.tags),
    placementGroups: groups,
    logs,
    ecr: { ...state.ecr, repositories: strip(state.ecr.repositories), images: strip(state.ecr.images) },
    elb: {
      loadBalancers: strip(state.elb.loadBalancers),
      targetGroups: strip(state.elb.targetGroups),
      listeners: strip(state.elb.listeners),
      targets: strip(state.elb.targets),
      next: strip(state.elb.next),
    },
  };
}

/** Earlier time first; at the same time, first scheduled first (SimPy's rule). */
const before = (a: ScheduledEvent, b: ScheduledEvent) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/** The event queue is a binary min-heap kept in a plain array, so the state stays serializable. */
function heapPush(heap: ScheduledEvent[], event: ScheduledEvent): void {
  heap.push(event);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i] as ScheduledEvent, heap[parent] as ScheduledEvent)) break;
    [heap[i], heap[parent]] = [heap[parent] as ScheduledEvent, heap[i] as ScheduledEvent];
    i = parent;
  }
}

function heapPop(heap: ScheduledEvent[]): ScheduledEvent | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < heap.length && before(heap[l] as ScheduledEvent, heap[smallest] as ScheduledEvent)) smallest = l;
      if (r < heap.length && before(heap[r] as ScheduledEvent, heap[smallest] as ScheduledEvent)) smallest = r;
      if (smallest === i) break;
      [heap[i], heap[smallest]] = [heap[smallest] as ScheduledEvent, heap[i] as ScheduledEvent];
      i = smallest;
    }
  }
  return top;
}

export class Simulator {
  readonly state: SimState;
  readonly rng: Rng;
  readonly hooks: SimHooks = {};
  private readonly handlers: Map<string, Handler>;
  private readonly eventHandlers: Map<ScheduledEvent['kind'], EventHandler>;

  constructor(
    handlers: Map<string, Handler>,
    eventHandlers: Map<ScheduledEvent['kind'], EventHandler>,
    options: SimOptions = {},
    state?: SimState,
  ) {
    this.handlers = handlers;
    this.eventHandlers = eventHandlers;
    if (state) {
      this.state = withoutPrototypes(state);
      this.rng = new Rng(state.rng);
      return;
    }
    const seed = options.seed ?? 1;
    const rngState = seedState(seed);
    this.rng = new Rng(rngState);
    const region = options.region ?? 'us-east-1';
    this.state = {
      version: 1,
      account: options.account ?? '123456789012',
      region,
      seed,
      now: options.startTime ?? DEFAULT_START,
      seq: 0,
      rng: rngState,
      network: defaultNetwork(region, (n) => this.rng.hex(n)),
      clusters: dict(),
      taskDefinitions: dict(),
      tasks: dict(),
      services: dict(),
      containerInstances: dict(),
      tags: dict(),
      placementGroups: dict(),
      ecr: { repositories: dict(), images: dict(), password: '' },
      docker: { images: [], loggedIn: [] },
      elb: emptyElbState(),
      logs: dict(),
      queue: [],
      log: [],
    };
  }

  /** Current virtual time in epoch seconds (the unit of API timestamps). */
  get seconds(): number {
    return this.state.now / 1000;
  }

  /** Calls an API operation ("ecs:RunTask"); returns its output or throws an AwsError. */
  call(operation: string, input: Record<string, unknown> = {}): Record<string, unknown> {
    const handler = this.handlers.get(operation);
    if (!handler) {
      const [service, name] = operation.split(':');
      throw new AwsError('UnknownOperationException', `The ${service} simulator does not implement ${name} yet.`);
    }
    return handler(this, input);
  }

  /** Whether an operation is implemented. */
  supports(operation: string): boolean {
    return this.handlers.has(operation);
  }

  /** Queues an event `delaySeconds` from now. */
  schedule(delaySeconds: number, event: Omit<ScheduledEvent, 'at' | 'seq'>): void {
    this.state.seq += 1;
    heapPush(this.state.queue, { ...event, at: this.state.now + Math.round(delaySeconds * 1000), seq: this.state.seq });
  }

  /** Advances virtual time, running every event that falls due, in order. */
  advance(seconds: number): void {
    const until = this.state.now + Math.max(0, Math.round(seconds * 1000));
    this.runUntil(until);
    this.state.now = until;
  }

  /** Advances until `predicate` holds or `maxSeconds` pass; returns whether it held. */
  advanceUntil(predicate: () => boolean, maxSeconds: number, stepSeconds = 1): boolean {
    const deadline = this.state.now + maxSeconds * 1000;
    while (!predicate()) {
      if (this.state.now >= deadline) return false;
      this.advance(Math.min(stepSeconds, (deadline - this.state.now) / 1000));
    }
    return true;
  }

  /** Runs every event due at or before `until` (epoch ms). */
  private runUntil(until: number): void {
    let guard = 0;
    while (this.state.queue.length > 0 && (this.state.queue[0] as ScheduledEvent).at <= until) {
      const event = heapPop(this.state.queue) as ScheduledEvent;
      this.state.now = Math.max(this.state.now, event.at);
      this.eventHandlers.get(event.kind)?.(this, event);
      guard += 1;
      if (guard > 1_000_000) throw new Error('simulation did not settle: too many events');
    }
  }

  /** Adds a line to the human-readable activity log. */
  note(message: string): void {
    this.state.log.push({ at: this.seconds, message });
    // Trim in batches: cutting one entry per note would make every note cost the whole log.
    if (this.state.log.length > 4000) this.state.log.splice(0, this.state.log.length - 2000);
  }

  /** ARN in this account and Region. */
  arn(service: string, resource: string): string {
    return `arn:aws:${service}:${this.state.region}:${this.state.account}:${resource}`;
  }
}

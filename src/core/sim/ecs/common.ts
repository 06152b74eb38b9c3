/** Helpers shared by the ECS operations: reading input, finding clusters, ARNs, copies. */
import type { Cluster } from '../../ecs/generated/ecs-types.ts';
import type { Simulator } from '../engine.ts';
import { clusterNotFound, invalidParameter } from '../errors.ts';

export type Input = Record<string, unknown>;

export const str = (input: Input, key: string): string | undefined => {
  const v = input[key];
  return typeof v === 'string' ? v : undefined;
};
export const int = (input: Input, key: string): number | undefined => {
  const v = input[key];
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
};
export const bool = (input: Input, key: string): boolean | undefined => {
  const v = input[key];
  return typeof v === 'boolean' ? v : undefined;
};
export const list = (input: Input, key: string): unknown[] => {
  const v = input[key];
  return Array.isArray(v) ? v : [];
};
export const strings = (input: Input, key: string): string[] =>
  list(input, key).filter((v): v is string => typeof v === 'string');
export const obj = (v: unknown): Input | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Input) : undefined;

/** The last path segment of an ARN, or the value itself when it is a plain name. */
export function nameFromArn(value: string): string {
  return value.startsWith('arn:') ? (value.split('/').at(-1) ?? value) : value;
}

/** Resolves the `cluster` parameter (name or ARN, default "default") to an ACTIVE cluster. */
export function findCluster(sim: Simulator, value: unknown): Cluster {
  const name = typeof value === 'string' && value !== '' ? nameFromArn(value) : 'default';
  const cluster = sim.state.clusters[name];
  if (cluster?.status !== 'ACTIVE') throw clusterNotFound();
  return cluster;
}

/** Deep copy, so callers never hold references into the state. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A 32-hex-digit task or instance id, as ECS uses now. */
export const newId = (sim: Simulator) => sim.rng.hex(32);

export function requireString(input: Input, key: string): string {
  const value = str(input, key);
  if (value === undefined || value === '') throw invalidParameter(`${key} is required.`);
  return value;
}

/** Seconds-since-epoch timestamp with millisecond precision, as ECS returns them. */
export const timestamp = (sim: Simulator) => Math.round(sim.state.now) / 1000;

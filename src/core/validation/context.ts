/**
 * What the semantic rules see: the parsed task definition with typed accessors that tolerate
 * wrong types (the schema stage reports those), plus facts derived once (launch types, network
 * mode, task size).
 */
import { parseTaskCpu, parseTaskMemory } from '../ecs/task-size.ts';

export type Json = Record<string, unknown>;

export const asObject = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const asInteger = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) ? v : undefined;
export const asBoolean = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

export interface ContainerView {
  index: number;
  /** JSON Pointer of the container, e.g. `/containerDefinitions/0`. */
  pointer: string;
  def: Json;
  /** The container's name, if it has a string one. */
  name: string | undefined;
  /** `essential` defaults to true. */
  essential: boolean;
}

export interface TaskDefinitionContext {
  td: Json;
  containers: ContainerView[];
  /** requiresCompatibilities values that are strings. */
  requires: Set<string>;
  fargate: boolean;
  /** The network mode in effect: as written, or ECS's default ("bridge"). */
  networkMode: string;
  networkModeWritten: boolean;
  /** Task cpu in units / memory in MiB, when written and readable. */
  taskCpu: number | undefined;
  taskMemory: number | undefined;
  /** The operating system family is a Windows one. */
  windows: boolean;
  /** Container names that appear, for reference checks. */
  containerNames: Set<string>;
}

export function buildContext(td: Json): TaskDefinitionContext {
  const containers = asArray(td.containerDefinitions).flatMap((c, index): ContainerView[] => {
    const def = asObject(c);
    if (!def) return [];
    return [
      {
        index,
        pointer: `/containerDefinitions/${index}`,
        def,
        name: asString(def.name),
        essential: def.essential !== false,
      },
    ];
  });
  const requires = new Set(asArray(td.requiresCompatibilities).filter((v): v is string => typeof v === 'string'));
  const written = asString(td.networkMode);
  const cpu = asString(td.cpu);
  const memory = asString(td.memory);
  const os = asString(asObject(td.runtimePlatform)?.operatingSystemFamily);
  return {
    td,
    containers,
    requires,
    fargate: requires.has('FARGATE'),
    networkMode: written ?? 'bridge',
    networkModeWritten: written !== undefined,
    taskCpu: cpu === undefined ? undefined : parseTaskCpu(cpu),
    taskMemory: memory === undefined ? undefined : parseTaskMemory(memory),
    windows: os?.startsWith('WINDOWS') ?? false,
    containerNames: new Set(containers.flatMap((c) => (c.name ? [c.name] : []))),
  };
}

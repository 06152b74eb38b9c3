/**
 * Task size: how ECS reads task-level `cpu` and `memory`, and the Fargate size table. One source
 * of truth for the validator, the simulator and the lessons.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 */

/** CPU units in one vCPU. */
export const UNITS_PER_VCPU = 1024;

/**
 * Parses task `cpu`: CPU units ("1024") or vCPU ("1 vCPU", "0.25 vcpu"). Returns units, or
 * undefined when the text is not a size ECS understands.
 */
export function parseTaskCpu(value: string): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const vcpu = /^(\d+(?:\.\d+)?)\s*vcpu$/i.exec(text);
  if (vcpu) {
    const units = Number(vcpu[1]) * UNITS_PER_VCPU;
    return Number.isInteger(units) ? units : undefined;
  }
  return undefined;
}

/** Parses task `memory`: MiB ("2048") or GB ("2 GB", "2GB", "0.5 GB"). Returns MiB or undefined. */
export function parseTaskMemory(value: string): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const gb = /^(\d+(?:\.\d+)?)\s*gb$/i.exec(text);
  if (gb) {
    const mib = Number(gb[1]) * 1024;
    return Number.isInteger(mib) ? mib : undefined;
  }
  return undefined;
}

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** Fargate (Linux): task CPU units → the memory sizes (MiB) allowed with it. 74 pairs. */
export const FARGATE_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

/** Windows containers on Fargate need at least 1 vCPU; 8 and 16 vCPU are Linux-only. */
export const FARGATE_WINDOWS_CPUS: readonly number[] = [1024, 2048, 4096];

/** EC2 launch type: task-level cpu may be 128 to 196,608 units (0.125 to 192 vCPU). */
export const EC2_TASK_CPU = { min: 128, max: 196608 } as const;

/** Whether `cpu` units and `memory` MiB form a Fargate size (optionally for Windows). */
export function isFargateSize(cpu: number, memory: number, windows = false): boolean {
  if (windows && !FARGATE_WINDOWS_CPUS.includes(cpu)) return false;
  return FARGATE_SIZES.get(cpu)?.includes(memory) ?? false;
}

/**
 * The valid Fargate size closest to what was asked: keeps the CPU if it exists, else takes the
 * smallest CPU whose memory range fits; then the nearest allowed memory (rounding up).
 */
export function nearestFargateSize(
  cpu: number | undefined,
  memory: number | undefined,
  windows = false,
): { cpu: number; memory: number } {
  const cpus = [...FARGATE_SIZES.keys()].filter((c) => !windows || FARGATE_WINDOWS_CPUS.includes(c));
  const wantMemory = memory ?? 0;
  let chosenCpu = cpu !== undefined && cpus.includes(cpu) ? cpu : undefined;
  if (chosenCpu === undefined) {
    const atLeast = cpus.filter((c) => c >= (cpu ?? 0));
    chosenCpu =
      atLeast.find((c) => (FARGATE_SIZES.get(c)?.at(-1) ?? 0) >= wantMemory) ?? atLeast[0] ?? (cpus.at(-1) as number);
  }
  const options = FARGATE_SIZES.get(chosenCpu) ?? [];
  const chosenMemory = options.find((m) => m >= wantMemory) ?? (options.at(-1) as number);
  return { cpu: chosenCpu, memory: chosenMemory };
}

/** "0.25 vCPU", "1 vCPU": how the console names a CPU size. */
export const describeCpu = (units: number) => `${units / UNITS_PER_VCPU} vCPU`;
/** "512 MiB", "2 GB": how the console names a memory size. */
export const describeMemory = (mib: number) => (mib < 1024 ? `${mib} MiB` : `${mib / 1024} GB`);

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FARGATE_SIZES,
  isFargateSize,
  nearestFargateSize,
  parseTaskCpu,
  parseTaskMemory,
} from '../../../../src/core/ecs/task-size.ts';

describe('Fargate size table', () => {
  it('has the 74 documented cpu/memory pairs', () => {
    const pairs = [...FARGATE_SIZES.values()].reduce((n, list) => n + list.length, 0);
    expect(pairs).toBe(74);
    expect(FARGATE_SIZES.get(256)).toEqual([512, 1024, 2048]);
    expect(FARGATE_SIZES.get(8192)?.at(-1)).toBe(61440);
    expect(FARGATE_SIZES.get(16384)).toContain(122880);
  });

  it('gives Windows only 1, 2 and 4 vCPU', () => {
    expect(isFargateSize(512, 1024, true)).toBe(false);
    expect(isFargateSize(1024, 2048, true)).toBe(true);
    expect(isFargateSize(8192, 16384, true)).toBe(false);
  });
});

describe('parsing task cpu and memory', () => {
  it.each([
    ['1024', 1024],
    ['1 vCPU', 1024],
    ['0.25 vcpu', 256],
    ['2vCPU', 2048],
    ['one', undefined],
    ['1.3 vCPU', undefined],
  ])('cpu %s → %s units', (text, units) => expect(parseTaskCpu(text)).toBe(units));

  it.each([
    ['512', 512],
    ['2 GB', 2048],
    ['0.5GB', 512],
    ['2 gigabytes', undefined],
  ])('memory %s → %s MiB', (text, mib) => expect(parseTaskMemory(text)).toBe(mib));
});

describe('nearestFargateSize', () => {
  it('keeps a valid cpu and rounds memory up to the next allowed size', () => {
    expect(nearestFargateSize(1024, 1024)).toEqual({ cpu: 1024, memory: 2048 });
    expect(nearestFargateSize(8192, 18432)).toEqual({ cpu: 8192, memory: 20480 });
  });

  it('moves to a cpu whose range holds the memory when the cpu does not exist', () => {
    expect(nearestFargateSize(3072, 12288)).toEqual({ cpu: 4096, memory: 12288 });
  });

  it('always returns a valid size (property)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 40000 })),
        fc.option(fc.integer({ min: 0, max: 200000 })),
        fc.boolean(),
        (cpu, memory, windows) => {
          const size = nearestFargateSize(cpu ?? undefined, memory ?? undefined, windows);
          expect(isFargateSize(size.cpu, size.memory, windows)).toBe(true);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateTaskDefinition } from '../../../../src/core/validation/index.ts';
import { ec2, fargate } from './helpers.ts';

function wellFormed(text: string, result: ReturnType<typeof validateTaskDefinition>) {
  expect(typeof result.valid).toBe('boolean');
  for (const d of result.diagnostics) {
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(d.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.offset).toBeGreaterThanOrEqual(0);
    expect(d.offset + d.length).toBeLessThanOrEqual(text.length);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
  expect(result.valid).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
}

describe('any input gives diagnostics, never an exception', () => {
  it('for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) =>
        wellFormed(text, validateTaskDefinition(text)),
      ),
      { numRuns: 500 },
    );
  });

  it('for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2) ?? 'null';
        wellFormed(text, validateTaskDefinition(text));
      }),
      { numRuns: 500 },
    );
  });

  it('for task definitions with random values in every field', () => {
    const anyValue = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom('bridge', 'awsvpc', 'FARGATE', '256', '1 vCPU', 'web', 80, 0, -1, true),
    );
    const bases = [fargate(), ec2()];
    fc.assert(
      fc.property(
        fc.nat(1),
        fc.dictionary(
          fc.constantFrom(
            'family',
            'cpu',
            'memory',
            'networkMode',
            'requiresCompatibilities',
            'volumes',
            'runtimePlatform',
            'pidMode',
            'ipcMode',
            'containerDefinitions',
            'ephemeralStorage',
          ),
          anyValue,
        ),
        fc.dictionary(
          fc.constantFrom(
            'name',
            'image',
            'memory',
            'memoryReservation',
            'cpu',
            'portMappings',
            'links',
            'dependsOn',
            'essential',
            'logConfiguration',
            'healthCheck',
            'secrets',
            'environment',
            'mountPoints',
            'volumesFrom',
            'linuxParameters',
          ),
          anyValue,
        ),
        (which, top, inner) => {
          const base = bases[which] as Record<string, unknown>;
          const containers = (base.containerDefinitions as Record<string, unknown>[]).map((c) => ({ ...c, ...inner }));
          const text = JSON.stringify({ ...base, containerDefinitions: containers, ...top }, null, 2);
          wellFormed(text, validateTaskDefinition(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});

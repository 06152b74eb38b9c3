/** Validator latency in Node: a typical ~3 KB task definition and a 1 MB one. */
import { readFileSync } from 'node:fs';
import { validateTaskDefinition } from '../../src/core/validation/index.ts';
import { median, ms, printTable, time } from './stats.ts';

export const TARGETS = { typicalMs: 1, hugeMs: 200 };

function typical(): string {
  const base = JSON.parse(readFileSync('content/examples/task-definitions/sidecar-depends-on.json', 'utf8')) as Record<
    string,
    unknown
  >;
  const containers = base.containerDefinitions as Record<string, unknown>[];
  const app = containers[1] as Record<string, unknown>;
  app.environment = Array.from({ length: 12 }, (_, i) => ({ name: `SETTING_${i}`, value: `value-${i}` }));
  return JSON.stringify(base, null, 2);
}

function huge(): string {
  const base = JSON.parse(readFileSync('content/examples/task-definitions/fargate-web.json', 'utf8')) as Record<
    string,
    unknown
  >;
  const [web] = base.containerDefinitions as Record<string, unknown>[];
  if (web) web.environment = Array.from({ length: 12_000 }, (_, i) => ({ name: `VAR_${i}`, value: 'x'.repeat(60) }));
  return JSON.stringify(base, null, 2);
}

export function benchValidator(): void {
  const small = typical();
  const big = huge();
  const smallMs = median(time(() => validateTaskDefinition(small), 2000, 200));
  const bigMs = median(time(() => validateTaskDefinition(big), 15, 2));
  console.log('Validator latency (Node, median)\n');
  printTable([
    ['input', 'size', 'median', 'target'],
    [
      'typical task definition',
      `${(small.length / 1024).toFixed(1)} kB`,
      ms(smallMs),
      `< ${TARGETS.typicalMs} ms ${smallMs < TARGETS.typicalMs ? '(met)' : '(MISSED)'}`,
    ],
    [
      'large task definition',
      `${(big.length / 1024 / 1024).toFixed(2)} MB`,
      ms(bigMs),
      `< ${TARGETS.hugeMs} ms ${bigMs < TARGETS.hugeMs ? '(met)' : '(MISSED)'}`,
    ],
  ]);
}

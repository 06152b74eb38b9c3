import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateTaskDefinition } from '../../../../src/core/validation/index.ts';

const ROOT = 'tests/fixtures/task-definitions';
const valid = readdirSync(`${ROOT}/valid`)
  .filter((f) => f.endsWith('.json'))
  .sort();
const invalid = readdirSync(`${ROOT}/invalid`)
  .filter((f) => f.endsWith('.json') && f !== 'expected.json')
  .sort();
const expected = JSON.parse(readFileSync(`${ROOT}/invalid/expected.json`, 'utf8')) as Record<
  string,
  { path: string; why: string }
>;

describe('fixture corpus modelled on real-world task definitions', () => {
  it('has at least 30 valid and 30 invalid definitions, each invalid one with its expected path', () => {
    expect(valid.length).toBeGreaterThanOrEqual(30);
    expect(invalid.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(expected).sort()).toEqual(invalid);
  });

  it.each(valid)('accepts valid/%s (warnings allowed)', (file) => {
    const result = validateTaskDefinition(readFileSync(`${ROOT}/valid/${file}`, 'utf8'));
    expect(
      result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.pointer}: ${d.awsMessage}`),
    ).toEqual([]);
  });

  it.each(invalid)('rejects invalid/%s with an error at the expected path', (file) => {
    const result = validateTaskDefinition(readFileSync(`${ROOT}/invalid/${file}`, 'utf8'));
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(result.valid).toBe(false);
    expect(
      errors.map((d) => d.pointer),
      expected[file]?.why,
    ).toContain(expected[file]?.path);
  });
});

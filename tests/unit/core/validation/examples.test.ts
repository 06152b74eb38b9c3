import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateTaskDefinition } from '../../../../src/core/validation/index.ts';
import { exampleSchema } from '../../../../src/course/schema.ts';

const DIR = 'content/examples/task-definitions';
const index = parse(readFileSync('content/examples/task-definitions.yaml', 'utf8')) as Record<string, unknown>;

describe('starter examples for the editor', () => {
  it('lists every example file exactly once', () => {
    const listed = Object.values(index)
      .map((e) => exampleSchema.parse(e).file)
      .sort();
    expect(listed).toEqual(
      readdirSync(DIR)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    );
    expect(Object.keys(index)).toEqual(
      expect.arrayContaining([
        'fargate-web',
        'ec2-bridge-dynamic-ports',
        'sidecar-depends-on',
        'awslogs-logging',
        'secrets',
      ]),
    );
  });

  it.each(Object.entries(index))('%s is accepted with no error and no warning', (_id, entry) => {
    const { file } = exampleSchema.parse(entry);
    expect(validateTaskDefinition(readFileSync(`${DIR}/${file}`, 'utf8'))).toEqual({ valid: true, diagnostics: [] });
  });
});

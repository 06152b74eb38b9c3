import { describe, expect, it } from 'vitest';
import { applyFix, validateTaskDefinition } from '../../../../src/core/validation/index.ts';
import { fargate } from './helpers.ts';

const text = (value: unknown) => JSON.stringify(value, null, 2);

describe('validateTaskDefinition', () => {
  it('accepts a correct Fargate definition', () => {
    expect(validateTaskDefinition(text(fargate()))).toEqual({ valid: true, diagnostics: [] });
  });

  it('reports every problem at once, each with a line and column', () => {
    const source = [
      '{',
      '  "family": "web",',
      '  "requiresCompatibilities": ["FARGATE"],',
      '  "networkMode": "bridge",',
      '  "cpu": "1024",',
      '  "memory": "1024",',
      '  "containerDefinitions": [',
      '    { "name": "web", "image": "nginx:1.27", "logConfiguration": { "logDriver": "json-file" } }',
      '  ]',
      '}',
    ].join('\n');
    const result = validateTaskDefinition(source);
    expect(result.valid).toBe(false);
    const summary = result.diagnostics.map((d) => [d.code, d.line, d.column]);
    expect(summary).toEqual([
      ['fargate-network-mode', 4, 18],
      ['fargate-task-size', 6, 13],
      ['log-configuration', 8, 80],
    ]);
    expect(result.diagnostics[0]?.message).toBe(
      'Fargate only supports network mode ‘awsvpc’. On Fargate every task gets its own network interface, so "networkMode" must be "awsvpc", not "bridge".',
    );
  });

  it('explains read-only fields copied from describe-task-definition and offers to remove them', () => {
    const described = {
      ...fargate(),
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
      revision: 3,
      status: 'ACTIVE',
    };
    const source = text(described);
    const result = validateTaskDefinition(source);
    const readOnly = result.diagnostics.filter((d) => d.code === 'read-only-field');
    expect(readOnly.map((d) => d.pointer)).toEqual(['/taskDefinitionArn', '/revision', '/status']);
    expect(readOnly[0]?.awsMessage).toMatch(
      /^Unknown parameter in input: "taskDefinitionArn", must be one of: family, containerDefinitions, /,
    );
    // The key is highlighted, not the value.
    expect(source.slice(readOnly[1]?.offset, (readOnly[1]?.offset ?? 0) + (readOnly[1]?.length ?? 0))).toBe(
      '"revision"',
    );
    const removeAll = readOnly[0]?.fixes?.find((f) => f.title === 'Remove all read-only fields');
    expect(removeAll).toBeDefined();
    const fixed = applyFix(source, removeAll as NonNullable<typeof removeAll>);
    expect(validateTaskDefinition(fixed)).toEqual({ valid: true, diagnostics: [] });
  });

  it('words type errors like the AWS CLI, with a fix for quoted numbers', () => {
    const source = text(fargate({}, { memory: '512' }));
    const [d] = validateTaskDefinition(source).diagnostics;
    expect(d?.awsMessage).toBe(
      "Invalid type for parameter containerDefinitions[0].memory, value: 512, type: <class 'str'>, valid types: <class 'int'>",
    );
    const fix = d?.fixes?.[0];
    expect(fix?.title).toBe('Remove the quotes');
    if (fix) expect(validateTaskDefinition(applyFix(source, fix)).valid).toBe(true);
  });

  it('names missing required parameters and unknown ones, suggesting the right case', () => {
    const result = validateTaskDefinition('{"Family": "web"}');
    expect(result.diagnostics.map((d) => d.awsMessage)).toEqual([
      'Missing required parameter in input: "family"',
      'Missing required parameter in input: "containerDefinitions"',
      expect.stringMatching(/^Unknown parameter in input: "Family", must be one of: family, /),
    ]);
    expect(result.diagnostics[2]?.explanation).toBe('Parameter names are case-sensitive: did you mean "family"?');
  });

  it('handles input that is not a task definition at all', () => {
    for (const input of ['', '   ', '[]', '"web"', '42', 'null', 'not json', '{', '{"family": "x",}']) {
      const result = validateTaskDefinition(input);
      expect(result.valid, input).toBe(false);
      expect(result.diagnostics.length, input).toBeGreaterThan(0);
      for (const d of result.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('rejects comments, as the AWS CLI does', () => {
    const result = validateTaskDefinition('{\n  // my task\n  "family": "x"\n}');
    expect(result.diagnostics[0]).toMatchObject({ code: 'json-comment', line: 2, column: 3 });
  });

  it('warns about duplicate keys (the last one wins) and a byte order mark', () => {
    const result = validateTaskDefinition(
      `\ufeff${text({ ...fargate() }).replace('"family": "web"', '"family": "a",\n  "family": "web"')}`,
    );
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['json-bom', 'warning', 1],
      ['json-duplicate-key', 'warning', 3],
    ]);
    expect(result.valid).toBe(true);
  });

  it('stops at absurd nesting instead of overflowing the stack', () => {
    const result = validateTaskDefinition(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['json-too-deep']);
    expect(result.diagnostics[0]?.column).toBe(65);
  });

  it('validates a 1 MB definition', () => {
    const big = fargate(
      {},
      { environment: Array.from({ length: 12_000 }, (_, i) => ({ name: `VAR_${i}`, value: 'x'.repeat(60) })) },
    );
    const source = text(big);
    expect(source.length).toBeGreaterThan(1_000_000);
    const result = validateTaskDefinition(source);
    expect(result.valid).toBe(true);
  });

  it('counts lines after CRLF and CR line breaks', () => {
    const result = validateTaskDefinition('{\r\n  "family": "a b",\r\n  "containerDefinitions": []\r\n}');
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['family-name', 2, 13],
      ['container-count', 3, 27],
    ]);
  });
});

describe('keys that are also JavaScript property names', () => {
  it('are unknown parameters, not read-only fields', () => {
    const result = validateTaskDefinition(JSON.stringify({ ...fargate(), constructor: 1, toString: 'x' }));
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['unknown-parameter', '/constructor'],
      ['unknown-parameter', '/toString'],
    ]);
  });
});

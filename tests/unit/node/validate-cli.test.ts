import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the fixed interface exactly as other tooling does: `npm run --silent validate -- …`. */
function validate(...args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'validate', '--', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'validate-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const good = file(
  'good.json',
  JSON.stringify(
    {
      family: 'web',
      containerDefinitions: [
        { name: 'web', image: 'nginx:1.27', memory: 256, logConfiguration: { logDriver: 'json-file' } },
      ],
    },
    null,
    2,
  ),
);
const warned = file(
  'warned.json',
  JSON.stringify({
    family: 'web',
    containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256, logConfiguration: { logDriver: 'json-file' } }],
  }),
);
const bad = file(
  'bad.json',
  JSON.stringify(
    {
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
    },
    null,
    2,
  ),
);
const notJson = file('broken.json', '{ "family": "web", }');

// Each case starts npm and Node; on a busy 2-core machine that can outgrow 5 s.
describe('npm run validate', { timeout: 30_000 }, () => {
  it('exits 0 for valid files, warnings allowed, with a summary line', () => {
    const r = validate(good, warned);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${good}: valid`);
    expect(r.stdout).toContain('[mutable-image-tag]');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('2 files: 2 valid, 0 invalid (0 errors, 1 warning)');
  });

  it('exits 1 when a file has an error and prints file:line:column', () => {
    const r = validate(good, bad);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `${bad.replaceAll('/', '\\/')}:1:1: error \\[fargate-network-mode\\] Fargate only supports network mode ‘awsvpc’\\.`,
      ),
    );
  });

  it('prints the fixed --json form', () => {
    const r = validate('--json', bad);
    expect(r.status).toBe(1);
    const [report] = JSON.parse(r.stdout) as { file: string; valid: boolean; diagnostics: Record<string, unknown>[] }[];
    expect(report?.file).toBe(bad);
    expect(report?.valid).toBe(false);
    expect(Object.keys(report?.diagnostics[0] ?? {})).toEqual([
      'severity',
      'code',
      'message',
      'path',
      'line',
      'column',
    ]);
    expect(report?.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'fargate-network-mode',
      path: '/networkMode',
      line: 1,
      column: 1,
    });
  });

  it('exits 2 for text that is not JSON, unreadable files and usage errors', () => {
    expect(validate(notJson).status).toBe(2);
    expect(validate(join(dir, 'missing.json')).status).toBe(2);
    const usage = validate();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run --silent validate');
    expect(validate('--frobnicate', good).status).toBe(2);
  });

  it('checks a whole folder of student files', () => {
    const folder = join(dir, 'class');
    mkdirSync(join(folder, 'alice'), { recursive: true });
    writeFileSync(
      join(folder, 'alice', 'taskdef.json'),
      JSON.stringify({
        family: 'a',
        containerDefinitions: [
          { name: 'a', image: 'nginx:1.27', memory: 64, logConfiguration: { logDriver: 'json-file' } },
        ],
      }),
    );
    writeFileSync(
      join(folder, 'bob.json'),
      JSON.stringify({
        family: 'b b',
        containerDefinitions: [
          { name: 'b', image: 'nginx:1.27', memory: 64, logConfiguration: { logDriver: 'json-file' } },
        ],
      }),
    );
    writeFileSync(join(folder, 'notes.txt'), 'ignored');
    const r = validate(folder);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('2 files: 1 valid, 1 invalid (1 error, 0 warnings)');
  });
});

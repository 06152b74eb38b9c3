/**
 * The production build refuses broken content and names the file: invalid frontmatter, a lesson
 * using an unknown glossary term, a broken internal link. Each case builds a copy of the site with
 * one broken lesson added.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');

function buildWith(lesson: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-academy-build-'));
  try {
    for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
      cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'content/lessons/foundations/broken-lesson.mdx'), lesson);
    const r = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const frontmatter = (extra: string) => `---
title: Broken lesson
summary: A lesson made to break the build.
module: foundations
order: 9
duration: 5
objectives: [See the build fail]
takeaways: [The build names the file]
${extra}
---

## Section
`;

describe('the build fails on broken content, naming the file', () => {
  it('invalid frontmatter', () => {
    const r = buildWith(frontmatter('durationMinutes: 5'));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('broken-lesson.mdx');
    expect(r.output).toMatch(/durationMinutes/);
  });

  it('an unknown glossary term', () => {
    const r = buildWith(`${frontmatter('glossary: [no-such-term]')}\nA <Term slug="no-such-term">term</Term>.\n`);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/lessons/foundations/broken-lesson.mdx: unknown glossary term "no-such-term"');
  });

  it('a broken internal link', () => {
    const r = buildWith(`${frontmatter('')}\nSee [the lesson](/lessons/does-not-exist/).\n`);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(
      'content/lessons/foundations/broken-lesson.mdx: broken internal link "/lessons/does-not-exist/"',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { execute } from '../../../../src/core/cli/shell.ts';
import { createSimulator } from '../../../../src/core/sim/index.ts';
import { readGlossary } from '../../../../src/node/glossary-files.ts';

const glossary = readGlossary();
const run = (line: string, withGlossary = true) =>
  execute(line, { sim: createSimulator(), readFile: () => undefined, ...(withGlossary ? { glossary } : {}) });

describe('explain', () => {
  it('reads every glossary entry the site has', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(80);
  });

  it('finds a term by name, slug or alias, ignoring case and dashes', () => {
    for (const query of ['task definition', 'Task-Definition', 'TASK_DEFINITION']) {
      const result = run(`explain ${query}`);
      expect(result.exitCode, query).toBe(0);
      expect(result.stdout, query).toMatch(/^Task definition/);
      expect(result.stdout, query).toContain('More: /glossary/#task-definition');
    }
    expect(run('explain ALB').stdout).toMatch(/^Application Load Balancer/);
  });

  it('suggests near matches, and explains its usage', () => {
    const miss = run('explain role');
    expect(miss.exitCode).toBe(1);
    expect(miss.stderr).toContain('Did you mean:');
    expect(miss.stderr).toContain('Task role');
    expect(run('explain').exitCode).toBe(2);
    expect(run('explain task', false).stderr).toBe('explain: the glossary is not available here\n');
  });
});

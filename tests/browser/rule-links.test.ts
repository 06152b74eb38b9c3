import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/validation/index.ts';
import { builtFile } from './support/browser.ts';

describe('validator rules link to course sections that exist', () => {
  const linked = RULES.flatMap((r) => (r.learnMore.lesson ? [{ rule: r.id, ...r.learnMore.lesson }] : []));
  // Lessons not written yet are skipped by construction: the editor links those rules to AWS's page.
  const built = linked.filter((l) => existsSync(builtFile(`/lessons/${l.id}/`)));

  it('every rule links somewhere (a lesson section or AWS documentation)', () => {
    for (const rule of RULES) expect(rule.learnMore.lesson ?? rule.learnMore.docs, rule.id).toBeDefined();
  });

  it('at least one rule links into a built lesson', () => {
    expect(built.length).toBeGreaterThan(0);
  });

  it.each(built)('$rule → /lessons/$id/#$section exists', ({ id, section }) => {
    expect(readFileSync(builtFile(`/lessons/${id}/`), 'utf8')).toContain(`id="${section}"`);
  });
});

import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../../../src/course/glossary-filter.ts';

describe('matchesFilter', () => {
  const text = 'virtual machine vm a computer emulated by software virtual-machine';
  it('matches every word, case-insensitively, in any order', () => {
    expect(matchesFilter(text, 'VM')).toBe(true);
    expect(matchesFilter(text, 'machine virtual')).toBe(true);
  });
  it('rejects when any word is absent', () => {
    expect(matchesFilter(text, 'machine kernel')).toBe(false);
  });
  it('matches everything for an empty filter', () => {
    expect(matchesFilter(text, '   ')).toBe(true);
  });
});

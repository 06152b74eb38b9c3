import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProgress, parseProgress, recordVisit } from '../../../src/course/progress.ts';

describe('parseProgress', () => {
  it('treats nothing stored as a fresh start', () => {
    expect(parseProgress(null)).toEqual({ ok: true, progress: emptyProgress() });
  });

  it('round-trips a recorded visit', () => {
    const p = recordVisit(recordVisit(emptyProgress(), 'a', '2026-01-01T00:00:00Z'), 'b', '2026-01-02T00:00:00Z');
    const parsed = parseProgress(JSON.stringify(p));
    expect(parsed).toEqual({ ok: true, progress: p });
    expect(p.visited).toEqual(['a', 'b']);
    expect(p.last).toEqual({ lesson: 'b', at: '2026-01-02T00:00:00Z' });
  });

  it('flags unreadable or unknown-version records and keeps the raw text', () => {
    expect(parseProgress('{not json')).toEqual({ ok: false, progress: emptyProgress(), raw: '{not json' });
    const future = JSON.stringify({ version: 99, visited: [] });
    expect(parseProgress(future)).toMatchObject({ ok: false, raw: future });
  });

  it('drops malformed lesson ids instead of failing', () => {
    const raw = JSON.stringify({ version: 1, visited: ['ok', 3, '<script>', 'ok'], last: { lesson: 7 } });
    expect(parseProgress(raw)).toEqual({ ok: true, progress: { version: 1, visited: ['ok'] } });
  });

  it('never throws, whatever is stored', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        const parsed = parseProgress(raw);
        expect(parsed.progress.version).toBe(1);
      }),
    );
  });
});

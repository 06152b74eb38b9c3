import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProgress, parseProgress, recordQuizScore, recordVisit } from '../../../src/course/progress.ts';

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

describe('quiz scores', () => {
  const at = '2026-11-23T10:00:00Z';

  it('round-trips a score and keeps it when a visit is recorded', () => {
    const p = recordVisit(recordQuizScore(emptyProgress(), 'a', { correct: 4, total: 6, at }), 'b', at);
    const back = parseProgress(JSON.stringify(p));
    expect(back.ok).toBe(true);
    expect(back.progress.quizzes?.a).toEqual({ correct: 4, total: 6, at });
    expect(back.progress.visited).toEqual(['b']);
  });

  it('keeps the best score', () => {
    let p = recordQuizScore(emptyProgress(), 'a', { correct: 5, total: 6, at });
    p = recordQuizScore(p, 'a', { correct: 3, total: 6, at: '2026-11-24T00:00:00Z' });
    expect(p.quizzes?.a?.correct).toBe(5);
    p = recordQuizScore(p, 'a', { correct: 6, total: 6, at });
    expect(p.quizzes?.a?.correct).toBe(6);
  });

  it('reads a record from before scores existed', () => {
    const back = parseProgress(JSON.stringify({ version: 1, visited: ['a'] }));
    expect(back).toEqual({ ok: true, progress: { version: 1, visited: ['a'] } });
  });

  it('drops a malformed score alone and keeps the rest', () => {
    const raw = JSON.stringify({
      version: 1,
      visited: [],
      quizzes: {
        good: { correct: 2, total: 5, at },
        bad: { correct: 9, total: 5, at },
        'Bad Id': { correct: 1, total: 1, at },
      },
    });
    const back = parseProgress(raw);
    expect(back.ok).toBe(true);
    expect(Object.keys(back.progress.quizzes ?? {})).toEqual(['good']);
  });
});

/**
 * The learner's saved progress: versioned, parsed defensively, never thrown away. A value that
 * cannot be read is reported as corrupt so the caller can keep a copy before writing a new one.
 */

/** localStorage key of the progress record. */
export const PROGRESS_KEY = 'ecs-academy:progress';
/** Where an unreadable record is copied before it is replaced. */
export const PROGRESS_BACKUP_KEY = 'ecs-academy:progress:unreadable';

export interface Progress {
  version: 1;
  /** Lesson ids in the order first visited. */
  visited: string[];
  /** The most recently opened lesson, to continue from. */
  last?: { lesson: string; at: string };
  /** Best quiz result per lesson id. */
  quizzes?: Record<string, QuizScore>;
}

/** A quiz result: questions answered right out of the quiz's total, and when. */
export interface QuizScore {
  correct: number;
  total: number;
  at: string;
}

export type ParsedProgress = { ok: true; progress: Progress } | { ok: false; progress: Progress; raw: string };

export const emptyProgress = (): Progress => ({ version: 1, visited: [] });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,100}$/.test(v);

/** Reads a stored record; `null` (nothing stored) is a fresh start, anything unreadable is flagged. */
export function parseProgress(raw: string | null): ParsedProgress {
  if (raw === null) return { ok: true, progress: emptyProgress() };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, progress: emptyProgress(), raw };
  }
  if (!isRecord(value) || value.version !== 1 || !Array.isArray(value.visited)) {
    return { ok: false, progress: emptyProgress(), raw };
  }
  const visited = [...new Set(value.visited.filter(isId))];
  const last = value.last;
  const progress: Progress = { version: 1, visited };
  if (isRecord(last) && isId(last.lesson) && typeof last.at === 'string') {
    progress.last = { lesson: last.lesson, at: last.at };
  }
  const quizzes = readQuizzes(value.quizzes);
  if (quizzes) progress.quizzes = quizzes;
  return { ok: true, progress };
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1000;

// Added without a version bump: older records simply have no scores, and a bad entry is dropped alone.
function readQuizzes(value: unknown): Record<string, QuizScore> | undefined {
  if (!isRecord(value)) return undefined;
  const scores: Record<string, QuizScore> = Object.create(null);
  for (const [id, s] of Object.entries(value)) {
    if (!isId(id) || !isRecord(s)) continue;
    const { correct, total, at } = s;
    if (isCount(correct) && isCount(total) && correct <= total && typeof at === 'string') {
      scores[id] = { correct, total, at };
    }
  }
  return Object.keys(scores).length > 0 ? scores : undefined;
}

/** Records that `lesson` was opened at `at` (ISO time). */
export function recordVisit(progress: Progress, lesson: string, at: string): Progress {
  const visited = progress.visited.includes(lesson) ? progress.visited : [...progress.visited, lesson];
  return { ...progress, version: 1, visited, last: { lesson, at } };
}

/** Keeps the better of the stored and the new quiz score for `lesson` (ties: the newer). */
export function recordQuizScore(progress: Progress, lesson: string, score: QuizScore): Progress {
  const previous = progress.quizzes?.[lesson];
  if (previous && previous.correct > score.correct) return progress;
  return { ...progress, quizzes: { ...progress.quizzes, [lesson]: score } };
}

/** Browser side of the progress record: localStorage access that never throws. */
import {
  emptyProgress,
  PROGRESS_BACKUP_KEY,
  PROGRESS_KEY,
  type Progress,
  parseProgress,
  type QuizScore,
  recordQuizScore,
  recordVisit,
} from '../course/progress.ts';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function loadProgress(): Progress {
  const store = storage();
  if (!store) return emptyProgress();
  try {
    return parseProgress(store.getItem(PROGRESS_KEY)).progress;
  } catch {
    return emptyProgress();
  }
}

function update(change: (progress: Progress) => Progress): void {
  const store = storage();
  if (!store) return;
  try {
    const parsed = parseProgress(store.getItem(PROGRESS_KEY));
    // Keep an unreadable record rather than silently replacing it.
    if (!parsed.ok && store.getItem(PROGRESS_BACKUP_KEY) === null) {
      store.setItem(PROGRESS_BACKUP_KEY, parsed.raw);
    }
    store.setItem(PROGRESS_KEY, JSON.stringify(change(parsed.progress)));
  } catch {
    // Full or blocked storage: progress is a convenience, the lesson still works.
  }
}

export function saveVisit(lesson: string): void {
  update((p) => recordVisit(p, lesson, new Date().toISOString()));
}

export function saveQuizScore(lesson: string, score: Omit<QuizScore, 'at'>): void {
  update((p) => recordQuizScore(p, lesson, { ...score, at: new Date().toISOString() }));
}

/** Browser side of the progress record: localStorage access that never throws. */
import {
  emptyProgress,
  PROGRESS_BACKUP_KEY,
  PROGRESS_KEY,
  type Progress,
  parseProgress,
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

export function saveVisit(lesson: string): void {
  const store = storage();
  if (!store) return;
  try {
    const parsed = parseProgress(store.getItem(PROGRESS_KEY));
    // Keep an unreadable record rather than silently replacing it.
    if (!parsed.ok && store.getItem(PROGRESS_BACKUP_KEY) === null) {
      store.setItem(PROGRESS_BACKUP_KEY, parsed.raw);
    }
    store.setItem(PROGRESS_KEY, JSON.stringify(recordVisit(parsed.progress, lesson, new Date().toISOString())));
  } catch {
    // Full or blocked storage: progress is a convenience, the lesson still works.
  }
}

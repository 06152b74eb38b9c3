/** The editor's text, kept per page and editor across reloads. Versioned; bad data is ignored. */

export interface EditorExample {
  id: string;
  title: string;
  summary: string;
  text: string;
}

interface SavedV1 {
  version: 1;
  example: string;
  text: string;
}

/** Longer texts are not saved: storage is small and shared with the rest of the site. */
const MAX_SAVED = 512 * 1024;

export const storageKey = (path: string, editorId: string) => `ecs-academy:editor:${path}#${editorId}`;

export function loadSaved(key: string): SavedV1 | undefined {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(key) ?? 'null');
    if (value && typeof value === 'object' && (value as SavedV1).version === 1) {
      const { example, text } = value as SavedV1;
      if (typeof example === 'string' && typeof text === 'string') return { version: 1, example, text };
    }
  } catch {
    // Unreadable or blocked storage: start from the example.
  }
  return undefined;
}

export function saveText(key: string, example: string, text: string): void {
  if (text.length > MAX_SAVED) return;
  try {
    window.localStorage.setItem(key, JSON.stringify({ version: 1, example, text } satisfies SavedV1));
  } catch {
    // Full or blocked storage: the editor still works for this visit.
  }
}

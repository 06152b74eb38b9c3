/**
 * What the terminal keeps in localStorage: the session per page (checked on the way back in, and
 * kept aside rather than lost when it cannot be read), the command history, and display settings.
 */
import type { SessionSnapshot } from '../../core/session/session.ts';
import { type Checked, parseSnapshot } from '../../core/session/share.ts';

const PREFIX = 'ecs-academy:terminal';
export const sessionKey = (path: string, id: string) => `${PREFIX}:session:${path}#${id}`;
export const HISTORY_KEY = `${PREFIX}:history`;
export const SETTINGS_KEY = `${PREFIX}:settings`;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function write(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    // Full or blocked storage: the session still works, it just is not kept.
  }
}

export function remove(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do: see write().
  }
}

/** The saved session, if there is a readable one; an unreadable one is moved aside, never lost. */
export function loadSession(key: string, scenarios: readonly string[], start: number): Checked | undefined {
  const raw = read(key);
  if (raw === null) return undefined;
  const checked = parseSnapshot(raw, scenarios, start);
  if (!checked.ok) {
    write(`${key}:unreadable`, raw);
    remove(key);
  }
  return checked;
}

export function saveSession(key: string, snapshot: SessionSnapshot): void {
  write(key, JSON.stringify(snapshot));
}

export interface Settings {
  fontSize: number;
  speed: number;
}

export const DEFAULT_SETTINGS: Settings = { fontSize: 14, speed: 1 };
export const SPEEDS = [0, 1, 10, 60] as const;

export function loadSettings(): Settings {
  try {
    const value = JSON.parse(read(SETTINGS_KEY) ?? '{}') as Partial<Settings>;
    return {
      fontSize:
        typeof value.fontSize === 'number' && value.fontSize >= 10 && value.fontSize <= 32
          ? value.fontSize
          : DEFAULT_SETTINGS.fontSize,
      speed: SPEEDS.includes(value.speed as (typeof SPEEDS)[number]) ? (value.speed as number) : DEFAULT_SETTINGS.speed,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(settings: Settings): void {
  write(SETTINGS_KEY, JSON.stringify(settings));
}

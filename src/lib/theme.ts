/** localStorage key holding the reader's explicit theme choice ("light" | "dark"); absent = follow the OS. */
export const THEME_KEY = 'ecs-academy:theme';

export type Theme = 'light' | 'dark';

/** Parses a stored value; anything unexpected means "no choice made". */
export function parseTheme(value: unknown): Theme | undefined {
  return value === 'light' || value === 'dark' ? value : undefined;
}

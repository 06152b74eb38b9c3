/**
 * Colours for the terminal: errors in red, and ECS status words in the colour of their meaning,
 * so a learner spots RUNNING and STOPPED at a glance. Pure text in, ANSI text out.
 */
const RESET = '\x1b[0m';
const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const YELLOW = '\x1b[33m';
const DIM = '\x1b[2m';

const STATUS_COLOURS: Record<string, string> = {
  RUNNING: GREEN,
  ACTIVE: GREEN,
  HEALTHY: GREEN,
  healthy: GREEN,
  COMPLETED: GREEN,
  PRIMARY: GREEN,
  PROVISIONING: YELLOW,
  PENDING: YELLOW,
  ACTIVATING: YELLOW,
  IN_PROGRESS: YELLOW,
  DRAINING: YELLOW,
  initial: YELLOW,
  draining: YELLOW,
  DEACTIVATING: DIM,
  STOPPING: DIM,
  DEPROVISIONING: DIM,
  INACTIVE: DIM,
  STOPPED: RED,
  UNHEALTHY: RED,
  unhealthy: RED,
  FAILED: RED,
};

const WORDS = new RegExp(`(?<![A-Za-z_-])(${Object.keys(STATUS_COLOURS).join('|')})(?![A-Za-z_-])`, 'g');

/** Terminal text with \n turned into \r\n (xterm needs the carriage return). */
export const toTerminal = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** Standard output: status words coloured, the rest as it is. */
export function colorStdout(text: string): string {
  return toTerminal(text.replace(WORDS, (word) => `${STATUS_COLOURS[word]}${word}${RESET}`));
}

/** Standard error: all red. */
export function colorStderr(text: string): string {
  if (text === '') return '';
  return toTerminal(text)
    .split('\r\n')
    .map((line) => (line === '' ? line : `${RED}${line}${RESET}`))
    .join('\r\n');
}

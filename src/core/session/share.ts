/**
 * Saved and shared sessions. A snapshot from storage or from a link is untrusted: it is parsed
 * defensively, checked field by field against the limits, and refused with a message a learner
 * can act on. Nothing in it is ever run as code; its command lines only go to the simulated shell.
 */
import { LIMITS, type LogEntry, type SessionSnapshot } from './session.ts';

/** Longest share-link payload accepted, in characters (a long session fits; a novel does not). */
export const MAX_LINK_LENGTH = 60_000;
/** Longest a session may span in virtual time: 30 days. */
const MAX_SPAN_MS = 30 * 24 * 3600 * 1000;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SCENARIO_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Tabs are fine in a command line; other control characters could drive the terminal.
const hasControlCharacter = (text: string) =>
  [...text].some((c) => {
    const code = c.charCodeAt(0);
    return (code < 32 && code !== 9) || code === 127;
  });

export type Checked = { ok: true; snapshot: SessionSnapshot } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const refuse = (reason: string): Checked => ({ ok: false, reason });

function checkFiles(value: unknown, where: string): Record<string, string> | string {
  if (!isRecord(value)) return `${where} is not a list of files`;
  const names = Object.keys(value);
  if (names.length > LIMITS.fileNames) return `${where} holds more than ${LIMITS.fileNames} files`;
  const files: Record<string, string> = {};
  for (const name of names) {
    const text = value[name];
    if (!FILE_NAME.test(name)) return `${where}: "${name.slice(0, 40)}" is not an allowed file name`;
    if (typeof text !== 'string') return `${where}: ${name} is not text`;
    if (text.length > LIMITS.fileSize) return `${where}: ${name} is larger than ${LIMITS.fileSize / 1024} kB`;
    files[name] = text;
  }
  return files;
}

/**
 * Checks an untrusted value as a session snapshot for one of `scenarios`. `start` is the
 * scenario's virtual start time: every time in the log must lie after it, in order.
 */
export function checkSnapshot(value: unknown, scenarios: readonly string[], start: number): Checked {
  if (!isRecord(value)) return refuse('it is not a saved session');
  if (value.version !== 1) return refuse('it was saved by a different version of ECS Academy');
  const { scenario, log, position, now } = value;
  if (typeof scenario !== 'string' || !SCENARIO_ID.test(scenario) || !scenarios.includes(scenario))
    return refuse('it is for a scenario this page does not have');
  if (!Array.isArray(log)) return refuse('its command list is missing');
  if (log.length > LIMITS.entries) return refuse(`it has more than ${LIMITS.entries} commands`);
  const entries: LogEntry[] = [];
  let previous = start;
  for (const [i, raw] of log.entries()) {
    const where = `command ${i + 1}`;
    if (!isRecord(raw)) return refuse(`${where} is malformed`);
    const { at, line, files, exitCode } = raw;
    if (typeof line !== 'string' || line.length === 0 || line.length > LIMITS.lineLength)
      return refuse(`${where} is not a command line of 1 to ${LIMITS.lineLength} characters`);
    if (hasControlCharacter(line)) return refuse(`${where} contains control characters`);
    if (typeof at !== 'number' || !Number.isInteger(at) || at < previous || at > start + MAX_SPAN_MS)
      return refuse(`${where} has a time that is out of order or out of range`);
    previous = at;
    const entry: LogEntry = { at, line };
    if (exitCode !== undefined) {
      if (typeof exitCode !== 'number' || !Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255)
        return refuse(`${where} has an exit code that is not 0 to 255`);
      entry.exitCode = exitCode;
    }
    if (files !== undefined) {
      const checked = checkFiles(files, where);
      if (typeof checked === 'string') return refuse(checked);
      entry.files = checked;
    }
    entries.push(entry);
  }
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position > entries.length)
    return refuse('its timeline position is out of range');
  if (typeof now !== 'number' || !Number.isInteger(now) || now < previous || now > start + MAX_SPAN_MS)
    return refuse('its clock is out of range');
  const files = checkFiles(value.files ?? {}, 'its files');
  if (typeof files === 'string') return refuse(files);
  return { ok: true, snapshot: { version: 1, scenario, log: entries, position, now, files } };
}

/** Parses stored or pasted JSON text and checks it; never throws. */
export function parseSnapshot(text: string, scenarios: readonly string[], start: number): Checked {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse('it is not readable');
  }
  return checkSnapshot(value, scenarios, start);
}

/** The share-link payload of a snapshot: its JSON, percent-encoded so it is safe in a URL. */
export function encodeShare(snapshot: SessionSnapshot): string {
  return encodeURIComponent(JSON.stringify(snapshot));
}

/** Decodes and checks a share-link payload; a refusal says what is wrong with the link. */
export function decodeShare(payload: string, scenarios: readonly string[], start: number): Checked {
  if (payload.length > MAX_LINK_LENGTH) return refuse(`the link is longer than ${MAX_LINK_LENGTH} characters`);
  let text: string;
  try {
    text = decodeURIComponent(payload);
  } catch {
    return refuse('the link is damaged (it was cut short or changed)');
  }
  return parseSnapshot(text, scenarios, start);
}

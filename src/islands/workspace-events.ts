/**
 * How the widgets on one page talk without importing each other: DOM events on `document`.
 * The editor publishes its text as a file; a "Register in cluster" button asks the terminal to run
 * a command; the terminal asks for the files when it starts.
 */
export const FILE_CHANGED = 'ecs:file-changed';
export const RUN_COMMAND = 'ecs:run-command';
export const REQUEST_FILES = 'ecs:request-files';

export interface FileChanged {
  name: string;
  text: string;
}

export interface RunCommand {
  line: string;
}

export function publishFile(detail: FileChanged): void {
  document.dispatchEvent(new CustomEvent<FileChanged>(FILE_CHANGED, { detail }));
}

export function requestCommand(detail: RunCommand): void {
  document.dispatchEvent(new CustomEvent<RunCommand>(RUN_COMMAND, { detail }));
}

export function requestFiles(): void {
  document.dispatchEvent(new CustomEvent(REQUEST_FILES));
}

/** Listens for `type` and hands over the event's detail when it has the expected fields. */
export function onWorkspaceEvent<T>(type: string, isDetail: (v: unknown) => v is T, handle: (detail: T) => void): void {
  document.addEventListener(type, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (isDetail(detail)) handle(detail);
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
export const isFileChanged = (v: unknown): v is FileChanged =>
  isRecord(v) && typeof v.name === 'string' && typeof v.text === 'string';
export const isRunCommand = (v: unknown): v is RunCommand => isRecord(v) && typeof v.line === 'string';

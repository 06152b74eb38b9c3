/**
 * The terminal's line editing, history and Tab completion, for the browser island: what it needs
 * from this folder in one import.
 */
export type { Completer, CompletionResult } from './apply-completion.ts';
export type { CompletionContext } from './completion.ts';
export { complete } from './completion.ts';
export { type ContextOptions, completionContext } from './completion-context.ts';
export { HISTORY_LIMIT, History, type StoredHistory } from './history.ts';
export { type EditorEffect, LineEditor, type LineEditorOptions } from './line-editor.ts';
export { type WidthOf, xtermWidth } from './text-width.ts';

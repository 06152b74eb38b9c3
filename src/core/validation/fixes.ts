/** Applies a quick fix to the document text, keeping the learner's formatting elsewhere. */
import { applyEdits, type FormattingOptions, modify } from 'jsonc-parser';
import { toJsoncPath } from './pointer.ts';
import type { QuickFix } from './types.ts';

/** Guesses the document's indentation so inserted text matches it. */
function formatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.includes('\t'),
    tabSize: indent.includes('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

export function applyFix(text: string, fix: QuickFix): string {
  const options = { formattingOptions: formatting(text) };
  let out = text;
  for (const edit of fix.edits) {
    const path = toJsoncPath(edit.pointer);
    const value = 'remove' in edit ? undefined : edit.value;
    out = applyEdits(out, modify(out, path, value, options));
  }
  return out;
}

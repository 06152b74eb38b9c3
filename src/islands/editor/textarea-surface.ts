/** The plain text area surface: touch screens, and until Monaco has loaded. */
import type { TextSurface } from './surface.ts';

export function textareaSurface(area: HTMLTextAreaElement): TextSurface {
  const listeners: (() => void)[] = [];
  const onInput = () => {
    for (const l of listeners) l();
  };
  area.addEventListener('input', onInput);
  return {
    getText: () => area.value,
    setText(text) {
      area.value = text;
      onInput();
    },
    onChange: (listener) => listeners.push(listener),
    showDiagnostics() {
      // A text area cannot underline text; the problems list carries everything.
    },
    reveal(offset, length) {
      area.focus();
      area.setSelectionRange(offset, offset + length);
    },
    format() {
      try {
        area.value = `${JSON.stringify(JSON.parse(area.value), null, 2)}\n`;
        onInput();
      } catch {
        // Not JSON: the problems list already says why; leave the text as it is.
      }
    },
    dispose() {
      area.removeEventListener('input', onInput);
    },
  };
}

import type { Diagnostic } from '../../core/validation/index.ts';

/** What the editor controller needs from a text surface: Monaco, or a plain text area. */
export interface TextSurface {
  getText(): string;
  /** Replaces the whole text (as one undoable step where the surface supports it). */
  setText(text: string): void;
  onChange(listener: () => void): void;
  /** Shows the diagnostics in the text (markers); the problems list is the controller's. */
  showDiagnostics(diagnostics: readonly Diagnostic[], learnMore: (d: Diagnostic) => string | undefined): void;
  /** Selects a range and moves focus there. */
  reveal(offset: number, length: number): void;
  format(): void;
  dispose(): void;
}

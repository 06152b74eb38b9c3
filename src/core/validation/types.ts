/** Shapes shared by the validator, its rules, the CLI and the editor. */

export type Severity = 'error' | 'warning' | 'info';

/** Where to learn more about a diagnostic: a course lesson section and AWS's documentation. */
export interface LearnMore {
  /** Lesson id (`/lessons/<id>/`) and section anchor in the course. */
  lesson?: { id: string; section: string };
  /** AWS documentation page that states the rule. */
  docs?: string;
}

/** One change to the JSON document, applied with jsonc-parser's `modify`. */
export type Edit = { pointer: string; value: unknown } | { pointer: string; remove: true };

/** A quick fix: a title for the menu and the edits it makes. */
export interface QuickFix {
  title: string;
  edits: Edit[];
}

/** A diagnostic as a rule or the schema check produces it, before it is given a position. */
export interface Finding {
  severity: Severity;
  /** Stable kebab-case code, e.g. `fargate-network-mode`. */
  code: string;
  /** AWS's own wording where AWS documents one, else ours in the same style. */
  awsMessage: string;
  /** What it means and what to do, for a beginner. */
  explanation: string;
  /** JSON Pointer of the offending value ("" = the whole document). */
  pointer: string;
  /** Highlight the property name rather than its value (e.g. unknown or read-only fields). */
  onKey?: boolean;
  fixes?: QuickFix[];
  learnMore?: LearnMore;
}

/** A finding placed in the text. Lines and columns are 1-based; offsets count UTF-16 units. */
export interface Diagnostic extends Finding {
  /** `awsMessage` followed by `explanation`. */
  message: string;
  line: number;
  column: number;
  offset: number;
  length: number;
}

export interface ValidationResult {
  /** True when no diagnostic is an error (warnings and infos allowed). */
  valid: boolean;
  diagnostics: Diagnostic[];
}

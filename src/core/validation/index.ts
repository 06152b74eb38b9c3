/** The task definition validator: one pipeline for the editor, the CLI and the simulator. */
export { applyFix } from './fixes.ts';
export { RULES } from './rules/index.ts';
export type { Diagnostic, Edit, Finding, LearnMore, QuickFix, Severity, ValidationResult } from './types.ts';
export { checkTaskDefinition, validateTaskDefinition } from './validate.ts';

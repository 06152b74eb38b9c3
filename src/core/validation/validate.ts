/**
 * validateTaskDefinition(text): the whole pipeline the editor, `npm run validate` and the
 * simulated register-task-definition share. Parse (jsonc-parser) → schema (ajv, compiled ahead of
 * time) → semantic rules. Every finding gets a position. Never throws.
 */
import { getNodeValue } from 'jsonc-parser';
import { asObject, buildContext } from './context.ts';
import { parseText } from './json-text.ts';
import { LineIndex, rangeOf } from './positions.ts';
import { RULES } from './rules/index.ts';
import { schemaFindings } from './schema-check.ts';
import type { Diagnostic, Finding, ValidationResult } from './types.ts';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Runs the schema and the semantic rules on an already-parsed value (no positions). */
export function checkTaskDefinition(value: unknown): Finding[] {
  const findings = schemaFindings(value);
  const td = asObject(value);
  if (!td) return findings;
  const ctx = buildContext(td);
  for (const rule of RULES) {
    try {
      findings.push(...rule.check(ctx));
    } catch (error) {
      // A rule bug must not take the editor down; report it instead of the rule's verdict.
      findings.push({
        severity: 'info',
        code: 'internal-rule-error',
        awsMessage: `The "${rule.id}" check could not run.`,
        explanation: `This is a bug in ECS Academy, not in your task definition (${String(error)}).`,
        pointer: '',
      });
    }
  }
  return findings;
}

function message(f: Finding): string {
  return f.explanation ? `${f.awsMessage} ${f.explanation}` : f.awsMessage;
}

/** Validates task definition text as `register-task-definition --cli-input-json` would receive it. */
export function validateTaskDefinition(text: string): ValidationResult {
  const lines = new LineIndex(text);
  const parsed = parseText(text);
  // Keep every range inside the text (an error "at the end" points at the last character).
  const place = (offset: number, length: number) => {
    const start = Math.max(0, Math.min(offset, text.length));
    return { offset: start, length: Math.max(0, Math.min(length, text.length - start)), ...lines.position(start) };
  };
  const diagnostics: Diagnostic[] = parsed.findings.map((f) => ({
    ...f,
    message: message(f),
    ...place(f.offset, f.length),
  }));
  const syntaxBroken = parsed.findings.some((f) => f.severity === 'error');
  if (parsed.root && !syntaxBroken) {
    for (const f of checkTaskDefinition(getNodeValue(parsed.root))) {
      const range = rangeOf(parsed.root, f.pointer, f.onKey);
      diagnostics.push({ ...f, message: message(f), ...place(range.offset + parsed.shift, range.length) });
    }
  }
  diagnostics.sort((a, b) => a.offset - b.offset || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
}

/**
 * Turns the learner's text into a syntax tree and a value, collecting every problem with a
 * position. Never throws: whatever the input, the result has a tree (possibly empty) and a list
 * of syntax findings.
 */
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Finding } from './types.ts';

/** No task definition nests deeper than about 8 levels; this stops pathological input early. */
export const MAX_DEPTH = 64;

/** A finding that is already tied to a text range (syntax problems have no JSON pointer). */
export interface TextFinding extends Finding {
  offset: number;
  length: number;
}

export interface ParsedText {
  /** Text with a leading byte order mark removed; tree offsets plus `shift` are input offsets. */
  text: string;
  shift: number;
  root: Node | undefined;
  findings: TextFinding[];
}

const SYNTAX_HELP: Record<string, string> = {
  InvalidSymbol:
    'This character cannot start a JSON value. Strings need double quotes, and true, false and null are lowercase.',
  InvalidNumberFormat: 'This number is not valid JSON (no leading zeros, no trailing dot, no hexadecimal).',
  PropertyNameExpected:
    'A property name in double quotes was expected here. A trailing comma before } is not allowed in JSON.',
  ValueExpected: 'A value was expected here. A trailing comma before ] or } is not allowed in JSON.',
  ColonExpected: 'A colon (:) was expected between the property name and its value.',
  CommaExpected: 'A comma was expected between these two items.',
  CloseBraceExpected: 'A closing brace } was expected: an object was left open.',
  CloseBracketExpected: 'A closing bracket ] was expected: a list was left open.',
  EndOfFileExpected: 'The document should end here. A JSON file holds exactly one value.',
  InvalidCommentToken: 'JSON does not allow comments, and the AWS CLI rejects them. Remove the comment.',
  UnexpectedEndOfComment: 'This comment is never closed, and JSON does not allow comments anyway.',
  UnexpectedEndOfString: 'This string is never closed: add the closing double quote.',
  UnexpectedEndOfNumber: 'This number ends too early.',
  InvalidUnicode: 'This \\u escape needs exactly four hexadecimal digits.',
  InvalidEscapeCharacter:
    'This backslash escape is not valid in JSON (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX).',
  InvalidCharacter:
    'Strings cannot contain raw control characters such as tabs or line breaks; write \\t or \\n instead.',
};

function syntaxFinding(error: ParseError, offsetShift: number): TextFinding {
  const name = printParseErrorCode(error.error);
  const comment = name === 'InvalidCommentToken' || name === 'UnexpectedEndOfComment';
  return {
    severity: 'error',
    code: comment ? 'json-comment' : 'json-syntax',
    awsMessage: `Invalid JSON: ${name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}.`,
    explanation: SYNTAX_HELP[name] ?? 'The text is not valid JSON here.',
    pointer: '',
    offset: error.offset + offsetShift,
    length: Math.max(1, error.length),
  };
}

/** Finds where nesting first goes deeper than MAX_DEPTH, scanning outside strings. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > MAX_DEPTH) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return undefined;
}

/** Reports keys that appear twice in one object; like the AWS CLI, the last one wins. */
function duplicateKeys(root: Node, shift: number): TextFinding[] {
  const findings: TextFinding[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (key && typeof key.value === 'string') {
          if (seen.has(key.value)) {
            findings.push({
              severity: 'warning',
              code: 'json-duplicate-key',
              awsMessage: `Duplicate key "${key.value}".`,
              explanation:
                'This key appears earlier in the same object. Only the last value is used; the earlier one is silently ignored. Remove one of them.',
              pointer: '',
              offset: key.offset + shift,
              length: key.length,
            });
          }
          seen.add(key.value);
        }
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return findings.sort((a, b) => a.offset - b.offset);
}

export function parseText(input: string): ParsedText {
  const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? input.slice(1) : input;
  const findings: TextFinding[] = [];
  if (bom) {
    findings.push({
      severity: 'warning',
      code: 'json-bom',
      awsMessage: 'The file starts with a byte order mark (BOM).',
      explanation:
        'Some editors on Windows add an invisible BOM character at the start of a file. It is ignored here, but some tools reject it: save the file as UTF-8 without BOM.',
      pointer: '',
      offset: 0,
      length: 1,
    });
  }
  if (text.trim() === '') {
    findings.push({
      severity: 'error',
      code: 'json-empty',
      awsMessage: 'Invalid JSON: the document is empty.',
      explanation: 'Write a task definition: a JSON object such as { "family": "web", "containerDefinitions": [ … ] }.',
      pointer: '',
      offset: 0,
      length: input.length,
    });
    return { text, shift: bom, root: undefined, findings };
  }
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    findings.push({
      severity: 'error',
      code: 'json-too-deep',
      awsMessage: `Invalid input: nesting deeper than ${MAX_DEPTH} levels.`,
      explanation:
        'Objects and lists are nested far deeper here than any task definition needs; the text was not checked further.',
      pointer: '',
      offset: deep + bom,
      length: 1,
    });
    return { text, shift: bom, root: undefined, findings };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // After one syntax error the parser often reports follow-on errors at the same spot; keep the first.
  const reported = new Set<number>();
  for (const error of errors) {
    if (reported.has(error.offset)) continue;
    reported.add(error.offset);
    findings.push(syntaxFinding(error, bom));
  }
  if (root) findings.push(...duplicateKeys(root, bom));
  return { text, shift: bom, root, findings };
}

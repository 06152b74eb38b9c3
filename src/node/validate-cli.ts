/**
 * `npm run --silent validate -- [--json] FILE|DIR...`: checks files as the input of
 * `aws ecs register-task-definition --cli-input-json`. A directory means every .json file in it.
 * Exit 0: all valid (warnings allowed); 1: an error in some file; 2: usage error, unreadable
 * file, or text that is not JSON.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validateTaskDefinition } from '../core/validation/index.ts';
import type { Diagnostic } from '../core/validation/types.ts';

const USAGE = `Usage: npm run --silent validate -- [--json] FILE|DIRECTORY...

Checks task definitions as "aws ecs register-task-definition --cli-input-json" would
receive them. A directory stands for every .json file in it (recursively).

  --json    print one JSON array: {"file","valid","diagnostics":[...]} per file
  --help    show this help

Exit status: 0 every file is valid (warnings allowed), 1 some file has an error,
2 usage error, unreadable file, or text that is not JSON.`;

interface FileReport {
  file: string;
  valid: boolean;
  diagnostics: (Pick<Diagnostic, 'severity' | 'code' | 'message' | 'line' | 'column'> & { path: string })[];
  /** Not JSON, or could not be read. */
  unusable: boolean;
}

function expand(arg: string): string[] {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(arg);
  } catch {
    return [arg]; // reported as unreadable
  }
  if (!stats.isDirectory()) return [arg];
  return readdirSync(arg, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(arg, entry.name);
      if (entry.isDirectory()) return expand(path);
      return entry.name.endsWith('.json') ? [path] : [];
    });
}

function check(file: string): FileReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return {
      file,
      valid: false,
      unusable: true,
      diagnostics: [
        {
          severity: 'error',
          code: 'file-unreadable',
          message: `Cannot read ${file}: ${reason}.`,
          path: '',
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const result = validateTaskDefinition(text);
  return {
    file,
    valid: result.valid,
    unusable: result.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('json-')),
    diagnostics: result.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      path: d.pointer,
      line: d.line,
      column: d.column,
    })),
  };
}

function human(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.diagnostics.length === 0) {
      lines.push(`${r.file}: valid`);
      continue;
    }
    for (const d of r.diagnostics)
      lines.push(`${r.file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${d.message}`);
  }
  const count = (s: string) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  const valid = reports.filter((r) => r.valid).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(reports.length, 'file')}: ${valid} valid, ${reports.length - valid} invalid (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')})`,
  );
  return lines.join('\n');
}

export function main(args: string[], out: (text: string) => void, err: (text: string) => void): number {
  const json = args.includes('--json');
  if (args.includes('--help') || args.includes('-h')) {
    out(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  const targets = args.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || targets.length === 0) {
    err(unknown.length > 0 ? `Unknown option: ${unknown.join(' ')}\n\n${USAGE}` : USAGE);
    return 2;
  }
  const reports = targets.flatMap(expand).map(check);
  if (json)
    out(
      JSON.stringify(
        reports.map(({ unusable: _, ...r }) => r),
        null,
        2,
      ),
    );
  else out(human(reports));
  if (reports.some((r) => r.unusable)) return 2;
  return reports.every((r) => r.valid) ? 0 : 1;
}

process.exitCode = main(
  process.argv.slice(2),
  (t) => process.stdout.write(`${t}\n`),
  (t) => process.stderr.write(`${t}\n`),
);

/**
 * Splits a command line the way a POSIX shell does for the commands learners type: words,
 * 'single' and "double" quotes, backslash escapes, `#` comments and `|` pipes. No variable or
 * command substitution; anything unsupported is reported, never guessed.
 */

export interface Pipeline {
  /** Each stage's words, e.g. [["aws","ecr","get-login-password"],["docker","login",…]]. */
  stages: string[][];
}

export class ShellSyntaxError extends Error {}

export function tokenize(line: string): Pipeline {
  const stages: string[][] = [[]];
  let word = '';
  let inWord = false;
  let i = 0;
  const push = () => {
    if (inWord) (stages.at(-1) as string[]).push(word);
    word = '';
    inWord = false;
  };
  while (i < line.length) {
    const c = line[i] as string;
    if (c === '\\') {
      if (i + 1 < line.length) {
        word += line[i + 1];
        inWord = true;
      }
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unexpected end of line: a single quote is not closed');
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i += 1;
      inWord = true;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) {
          word += line[i + 1];
          i += 2;
        } else {
          word += line[i];
          i += 1;
        }
      }
      if (i >= line.length) throw new ShellSyntaxError('unexpected end of line: a double quote is not closed');
      i += 1;
      continue;
    }
    if (c === '#' && !inWord) break;
    if (c === '|') {
      push();
      if ((stages.at(-1) as string[]).length === 0)
        throw new ShellSyntaxError("syntax error near unexpected token '|'");
      stages.push([]);
      i += 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      push();
      i += 1;
      continue;
    }
    if (c === ';' || c === '&' || c === '>' || c === '<' || c === '`') {
      throw new ShellSyntaxError(
        `'${c}' is not supported in this terminal: run one command per line (pipes with | work)`,
      );
    }
    if (c === '$' && line[i + 1] === '(')
      throw new ShellSyntaxError('command substitution $( ) is not supported in this terminal');
    word += c;
    inWord = true;
    i += 1;
  }
  push();
  if (stages.length > 1 && (stages.at(-1) as string[]).length === 0)
    throw new ShellSyntaxError("syntax error: nothing after '|'");
  return { stages: stages.filter((s, index) => s.length > 0 || index === 0) };
}

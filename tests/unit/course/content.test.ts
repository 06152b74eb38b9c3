/**
 * The course's own content, read from disk: every lesson has objectives and a quiz, every quiz is
 * well formed and teaches (spot-the-error snippets really fail the validator on the line they
 * name), and every task definition a lesson shows passes the project's validator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { validateTaskDefinition } from '../../../src/core/validation/index.ts';
import { lessonSchema, type QuizData, quizSchema } from '../../../src/course/schema.ts';

const root = join(import.meta.dirname, '../../..');
const content = join(root, 'content');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext) && !f.split('/').some((part) => part.startsWith('_')))
    .map((f) => join(dir, f));
}

function splitFrontmatter(text: string): { data: unknown; body: string; bodyLine: number } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('no frontmatter');
  return { data: parseYaml(match[1] ?? ''), body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

const lessons = filesUnder(join(content, 'lessons'), '.mdx').map((file) => {
  const { data, body, bodyLine } = splitFrontmatter(readFileSync(file, 'utf8'));
  return { id: basename(file, '.mdx'), file: relative(root, file), data: lessonSchema.parse(data), body, bodyLine };
});
const glossary = new Set(filesUnder(join(content, 'glossary'), '.md').map((f) => basename(f, '.md')));
const quizFiles = filesUnder(join(content, 'quizzes'), '.yaml');
const quizzes = new Map<string, QuizData>(
  quizFiles.map((file) => [basename(file, '.yaml'), quizSchema.parse(parseYaml(readFileSync(file, 'utf8')))]),
);

/** Fenced ```json blocks that hold a whole task definition, with the line they start on. */
function taskDefinitionBlocks(body: string, firstLine: number): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  for (const m of body.matchAll(/^```json[^\S\n]*\n([\s\S]*?)^```/gm)) {
    const text = m[1] ?? '';
    if (!/"containerDefinitions"\s*:/.test(text)) continue;
    blocks.push({ line: firstLine + body.slice(0, m.index).split('\n').length, text });
  }
  return blocks;
}

const errorsOf = (text: string) => validateTaskDefinition(text).diagnostics.filter((d) => d.severity === 'error');

describe('course content', () => {
  it('has lessons, and every lesson has a quiz file', () => {
    expect(lessons.length).toBeGreaterThan(0);
    const missing = lessons.filter((l) => !quizzes.has(l.id)).map((l) => l.file);
    expect(missing, 'lessons without content/quizzes/<id>.yaml').toEqual([]);
  });

  it('has no quiz without a lesson', () => {
    const ids = new Set(lessons.map((l) => l.id));
    expect([...quizzes.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });

  describe.each(lessons)('$file', (lesson) => {
    it('states objectives and takeaways and only uses glossary terms that exist', () => {
      expect(lesson.data.objectives.length).toBeGreaterThan(0);
      expect(lesson.data.takeaways.length).toBeGreaterThan(0);
      expect(lesson.data.glossary.filter((slug) => !glossary.has(slug))).toEqual([]);
    });

    it('shows only task definitions that pass the validator', () => {
      for (const block of taskDefinitionBlocks(lesson.body, lesson.bodyLine)) {
        const errors = errorsOf(block.text).map((d) => `${d.line}:${d.column} ${d.awsMessage}`);
        expect(errors, `task definition at ${lesson.file}:${block.line}`).toEqual([]);
      }
    });
  });

  describe.each([...quizzes].map(([id, quiz]) => ({ id, quiz })))('quiz $id', ({ quiz }) => {
    it('has distinct options, steps, terms and meanings within each question', () => {
      for (const q of quiz.questions) {
        const texts =
          q.kind === 'single' || q.kind === 'multiple'
            ? [q.options.map((o) => o.text)]
            : q.kind === 'order'
              ? [q.items.map((i) => i.text)]
              : q.kind === 'match'
                ? [q.pairs.map((p) => p.term), q.pairs.map((p) => p.meaning)]
                : [];
        for (const list of texts) expect(new Set(list).size, `question ${q.id}`).toBe(list.length);
      }
    });

    it('has spot-the-error snippets that fail the validator on the named line and nowhere else', () => {
      for (const q of quiz.questions) {
        if (q.kind !== 'spot-error') continue;
        const lineCount = q.snippet.trimEnd().split('\n').length;
        expect(q.errorLine, `question ${q.id}: errorLine is past the snippet`).toBeLessThanOrEqual(lineCount);
        const errorLines = [...new Set(errorsOf(q.snippet).map((d) => d.line))];
        expect(errorLines, `question ${q.id}: lines with validator errors`).toEqual([q.errorLine]);
        for (const line of Object.keys(q.otherLines)) {
          expect(Number(line), `question ${q.id}: otherLines key`).not.toBe(q.errorLine);
          expect(Number(line), `question ${q.id}: otherLines key`).toBeLessThanOrEqual(lineCount);
        }
      }
    });
  });
});

/**
 * A learner takes a lesson's quiz with the keyboard and the mouse: wrong answers are explained and
 * can be retried, every kind of question can be answered right, and the score is saved.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type QuizQuestion, quizSchema } from '../../src/course/schema.ts';
import { baseUrl, launch, watchedPage } from './support/browser.ts';

const LESSON = 'containers-vs-virtual-machines';
const quiz = quizSchema.parse(parse(readFileSync(`content/quizzes/${LESSON}.yaml`, 'utf8')));
const plain = (text: string) => text.replaceAll('`', '');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Answers one question correctly, the way a learner would with keyboard and mouse. */
async function answerRight(page: Page, form: Locator, q: QuizQuestion) {
  switch (q.kind) {
    case 'single':
    case 'multiple':
      for (const option of q.options) {
        if (option.correct) await form.getByLabel(plain(option.text), { exact: true }).check();
      }
      return;
    case 'order': {
      // Bubble each step up to its place with the keyboard (focus the Up button, press Enter).
      for (let target = 0; target < q.items.length; target++) {
        const text = plain(q.items[target]?.text ?? '');
        for (let guard = 0; guard < q.items.length; guard++) {
          const texts = (await form.locator('.steps > li .step').allTextContents()).map((t) => t.trim());
          if (texts.indexOf(text) <= target) break;
          await form.getByRole('button', { name: `Move up: ${text}`, exact: true }).focus();
          await page.keyboard.press('Enter');
        }
      }
      return;
    }
    case 'match':
      for (const [row, pair] of q.pairs.entries()) {
        await form.getByLabel(pair.term, { exact: true }).selectOption(String(row));
      }
      return;
    case 'spot-error':
      await form.locator(`input[value="${q.errorLine}"]`).check();
      return;
  }
}

describe('lesson quiz', () => {
  it('explains a wrong answer, lets the learner retry, grades every kind and saves the score', async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    await page.goto(`${baseUrl()}/lessons/${LESSON}/`);
    const section = page.getByRole('region', { name: 'Check your understanding' });
    const forms = section.locator('form.question');
    expect(await forms.count()).toBe(quiz.questions.length);

    // A wrong first try on a choice question: the verdict and the option's explanation appear.
    const choiceIndex = quiz.questions.findIndex((q) => q.kind === 'single');
    const choice = quiz.questions[choiceIndex];
    if (choice?.kind !== 'single') throw new Error('the quiz needs a single-choice question');
    const wrong = choice.options.find((o) => !o.correct);
    const form = forms.nth(choiceIndex);
    await form.getByLabel(plain(wrong?.text ?? ''), { exact: true }).check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect(form.getByRole('status').first().textContent()).resolves.toContain('Not quite');
    expect(await form.getByText(plain(wrong?.explanation ?? '').slice(0, 40)).isVisible()).toBe(true);
    await form.getByRole('button', { name: 'Try again' }).click();
    expect(await form.getByText(plain(wrong?.explanation ?? '').slice(0, 40)).isVisible()).toBe(false);

    for (const [i, q] of quiz.questions.entries()) {
      const f = forms.nth(i);
      await answerRight(page, f, q);
      await f.getByRole('button', { name: 'Check answer' }).click();
      await expect(f.locator('.verdict').textContent(), `question ${q.id}`).resolves.toBe('Correct.');
    }

    const total = quiz.questions.length;
    await expect(section.locator('[data-score]').textContent()).resolves.toBe(
      `You answered ${total} of ${total} questions correctly.`,
    );
    const stored = await page.evaluate(() => localStorage.getItem('ecs-academy:progress'));
    expect(JSON.parse(stored ?? '{}').quizzes?.[LESSON]).toMatchObject({ correct: total, total });
    // The course map shows the score.
    await page.goto(`${baseUrl()}/`);
    await expect(page.locator(`[data-lesson="${LESSON}"] [data-status]`).textContent()).resolves.toBe(
      ` · quiz ${total}/${total}`,
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});

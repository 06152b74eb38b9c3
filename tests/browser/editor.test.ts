import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, watchedPage } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openEditor(page: Page) {
  await page.goto(`${baseUrl()}/validator/`);
  await page.locator('task-def-editor[data-ready="true"]').waitFor({ timeout: 20_000 });
  await expect
    .poll(() => page.locator('[data-status]').textContent())
    .toBe('No problems: AWS would accept this task definition.');
}

/** Replaces the editor line holding `needle` by typing `replacement`, as a learner would. */
async function retypeLine(page: Page, needle: string, replacement: string) {
  await page.locator('.monaco-editor .view-line', { hasText: needle }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(replacement);
}

describe('task definition editor', () => {
  it('loads Monaco lazily: not on pages without an editor', async () => {
    const { page } = await watchedPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${baseUrl()}/glossary/`, { waitUntil: 'networkidle' });
    expect(requests.filter((u) => /monaco|editor\.worker|json\.worker/.test(u))).toEqual([]);
    await page.close();
  });

  it('marks a mistake as the learner types, lists it, and clears it with the quick fix', async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    await openEditor(page);

    await retypeLine(page, '"networkMode"', '"networkMode": "bridge",');
    const problem = page.locator('[data-problems] li', { hasText: 'Fargate only supports network mode ‘awsvpc’.' });
    await problem.waitFor();
    await expect
      .poll(() => page.locator('[data-status]').textContent())
      .toBe('1 error, 0 warnings: AWS would reject this task definition.');
    expect(await page.locator('.monaco-editor .squiggly-error').count()).toBeGreaterThan(0);
    expect(await problem.getByRole('link', { name: 'AWS documentation' }).getAttribute('href')).toContain(
      'docs.aws.amazon.com',
    );
    expect(await problem.getByRole('link', { name: 'Learn why in the course' }).getAttribute('href')).toBe(
      '/lessons/networking-modes/#awsvpc',
    );

    // Clicking the entry moves focus into the editor, onto the offending value.
    await page.getByRole('heading', { name: 'Task definition validator' }).click();
    await problem.locator('.problem-jump').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null)).toBe(true);
    expect(await page.locator('.monaco-editor .selected-text').count()).toBeGreaterThan(0);

    await problem.getByRole('button', { name: 'Fix: Set networkMode to "awsvpc"' }).click();
    await expect
      .poll(() => page.locator('[data-status]').textContent())
      .toBe('No problems: AWS would accept this task definition.');
    expect(await page.locator('[data-problems] li').count()).toBe(0);
    expect(await page.locator('.monaco-editor .squiggly-error').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers the same fix from the keyboard (Ctrl+.) inside the editor', async () => {
    const context = await browser.newContext();
    const { page } = await watchedPage(context);
    await openEditor(page);
    await retypeLine(page, '"memory"', '"memory": "1000",');
    await page
      .locator('[data-problems] li', {
        hasText: 'No Fargate configuration exists for given values: 256 CPU, 1000 memory.',
      })
      .waitFor();
    await page.locator('.monaco-editor .view-line', { hasText: '"1000"' }).click();
    await page.keyboard.press('Control+.');
    const action = page.locator('.action-widget .monaco-list-row', { hasText: 'Use 0.25 vCPU and 1 GB' });
    await action.waitFor();
    await action.click();
    await expect
      .poll(() => page.locator('[data-status]').textContent())
      .toBe('No problems: AWS would accept this task definition.');
    expect(await page.locator('.monaco-editor .view-line', { hasText: '"memory": "1024"' }).count()).toBe(1);
    await context.close();
  });

  it('explains a field on hover (from the keyboard) and completes field names from the API model', async () => {
    const context = await browser.newContext();
    const { page } = await watchedPage(context);
    await openEditor(page);
    // The keyboard route to a hover (Ctrl+K Ctrl+I) is the one keyboard users need, and unlike a
    // mouse hover it does not depend on timing when the machine is busy.
    await page.locator('.monaco-editor .view-line span', { hasText: '"networkMode"' }).first().click();
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', { hasText: 'own network interface per task' });
    await hover.waitFor();
    // The same definition as the glossary, with a link to the entry.
    await hover.getByText('(glossary)').waitFor();
    expect(await hover.getByRole('link', { name: 'More in the glossary' }).getAttribute('href')).toContain(
      '/glossary/#network-mode',
    );
    // Completion: a new property in the first container offers the model's member names.
    await page.locator('.monaco-editor .view-line', { hasText: '"essential": true' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"healthC');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'healthCheck' }).first().waitFor();
    await context.close();
  });

  it('keeps the text across reloads, and resets to the example on request', async () => {
    const context = await browser.newContext();
    const { page } = await watchedPage(context);
    await openEditor(page);
    await retypeLine(page, '"family"', '"family": "my app",');
    await page.locator('[data-problems] li', { hasText: 'Family contains invalid characters.' }).waitFor();
    await page.reload();
    await page.locator('task-def-editor[data-ready="true"]').waitFor();
    await page.locator('[data-problems] li', { hasText: 'Family contains invalid characters.' }).waitFor();
    await page.getByRole('button', { name: 'Reset to example' }).click();
    await expect
      .poll(() => page.locator('[data-status]').textContent())
      .toBe('No problems: AWS would accept this task definition.');
    await context.close();
  });

  it('switches starter examples and explains each in plain words', async () => {
    const context = await browser.newContext();
    const { page } = await watchedPage(context);
    await openEditor(page);
    await page.getByLabel('Example').selectOption({ label: 'Secrets from Secrets Manager and Parameter Store' });
    await expect
      .poll(() => page.locator('[data-summary] li').first().textContent())
      .toBe('Family "billing": registering it creates the next revision, billing:N.');
    expect(await page.locator('[data-summary]').textContent()).toContain('receives 2 secrets as environment variables');
    expect(await page.locator('[data-status]').textContent()).toBe(
      'No problems: AWS would accept this task definition.',
    );
    await context.close();
  });

  it('uses a plain text area with the same checks on touch screens', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${baseUrl()}/validator/`);
    await page.locator('task-def-editor[data-ready="true"]').waitFor();
    expect(await page.locator('.monaco-editor').count()).toBe(0);
    const area = page.getByLabel('Task definition (JSON)');
    await area.fill('{ "family": "web", "containerDefinitions": [] }');
    await page.locator('[data-problems] li', { hasText: 'Container list cannot be empty.' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

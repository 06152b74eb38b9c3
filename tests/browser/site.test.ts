import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, watchedPage } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const LESSON_TITLE = 'Containers vs virtual machines';

describe('home page', () => {
  it('loads with the course map and a start button', async () => {
    const { page, problems } = await watchedPage(browser);
    const response = await page.goto(`${baseUrl()}/`);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('ECS Academy');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Learn Amazon ECS by running it');
    const map = page.getByRole('region', { name: 'Course map' });
    expect(await map.getByRole('link', { name: LESSON_TITLE }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Start the course' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('lesson navigation', () => {
  it('goes from the home page to the lesson and back, then offers to continue', async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('region', { name: 'Course map' }).getByRole('link', { name: LESSON_TITLE }).click();
    await page.waitForURL('**/lessons/containers-vs-virtual-machines/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(LESSON_TITLE);

    // The lesson layout: sidebar with the current lesson, objectives, takeaways, table of contents.
    const sidebar = page.getByRole('navigation', { name: 'Course contents' });
    expect(await sidebar.getByRole('link', { name: new RegExp(LESSON_TITLE) }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(
      await page.getByRole('region', { name: 'What you will learn' }).getByRole('listitem').count(),
    ).toBeGreaterThan(1);
    expect(await page.getByRole('region', { name: 'Key takeaways' }).getByRole('listitem').count()).toBeGreaterThan(1);
    const toc = page.getByRole('navigation', { name: 'On this page' }).last();
    const firstSection = toc.getByRole('link').first();
    const anchor = await firstSection.getAttribute('href');
    await firstSection.click();
    expect(page.url()).toContain(anchor);
    expect(await page.locator(`${anchor}`).isVisible()).toBe(true);

    // Back to the course overview through the main navigation.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Course' }).click();
    await page.waitForURL(`${baseUrl()}/`);
    const cont = page.getByRole('link', { name: `Continue where you left off: ${LESSON_TITLE}` });
    await cont.waitFor();
    expect(await cont.getAttribute('href')).toBe('/lessons/containers-vs-virtual-machines/');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens glossary definitions from marked terms on hover and keyboard focus', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(`${baseUrl()}/lessons/containers-vs-virtual-machines/`);
    const term = page.locator('.prose .term a').first();
    const tipId = await term.getAttribute('aria-describedby');
    const tip = page.locator(`[id="${tipId}"]`);
    expect(await tip.isVisible()).toBe(false);
    await term.focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect((await term.getAttribute('href'))?.startsWith('/glossary/#')).toBe(true);
    await page.close();
  });
  it('puts the lesson first on a phone: the course contents open on request, and are always shown on a wide screen', async () => {
    const lesson = `${baseUrl()}/lessons/containers-vs-virtual-machines/`;
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const { page } = await watchedPage(phone);
    await page.goto(lesson);
    const contents = page.getByRole('navigation', { name: 'Course contents' });
    const current = contents.getByRole('link', { name: LESSON_TITLE });
    expect(await current.isVisible()).toBe(false);
    await contents.getByText('Course contents').click();
    await current.waitFor({ state: 'visible' });
    await phone.close();

    const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const wide = (await watchedPage(desk)).page;
    await wide.goto(lesson);
    await wide
      .getByRole('navigation', { name: 'Course contents' })
      .getByRole('link', { name: LESSON_TITLE })
      .waitFor({ state: 'visible' });
    await desk.close();
  });
});

describe('glossary', () => {
  it('narrows the list as the learner types in the filter', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${baseUrl()}/glossary/`);
    const entries = page.locator('article.entry');
    const total = await entries.count();
    expect(total).toBeGreaterThan(5);
    await page.getByLabel('Filter terms').pressSequentially('multi-arch');
    await expect.poll(() => page.locator('article.entry:visible').count()).toBe(1);
    expect(await page.locator('article.entry:visible h3').textContent()).toBe('Multi-architecture image');
    expect(await page.getByRole('status').filter({ hasText: 'terms' }).textContent()).toBe(`1 of ${total} terms`);

    await page.getByLabel('Filter terms').fill('no-such-term-anywhere');
    await expect.poll(() => page.getByText('No term matches that filter').isVisible()).toBe(true);
    await page.getByLabel('Filter terms').fill('');
    await expect.poll(() => page.locator('article.entry:visible').count()).toBe(total);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('gives every term an anchor and links letters to their groups', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(`${baseUrl()}/glossary/#hypervisor`);
    expect(await page.locator('h3#hypervisor').textContent()).toBe('Hypervisor');
    await page
      .getByRole('navigation', { name: 'Glossary letters' })
      .getByRole('link', { name: 'H', exact: true })
      .click();
    expect(page.url()).toContain('#letter-h');
    await page.close();
  });
});

describe('search', () => {
  it('finds a glossary term from the header search box', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${baseUrl()}/`);
    const box = page.getByRole('search').first().getByRole('searchbox');
    await box.fill('hypervisor');
    await box.press('Enter');
    await page.waitForURL('**/search/?q=hypervisor');
    const hit = page.locator('[data-search-results] a', { hasText: 'Hypervisor' }).first();
    await hit.waitFor();
    expect(await hit.getAttribute('href')).toMatch(/\/glossary\/#hypervisor$/);
    expect(await page.getByRole('status').filter({ hasText: 'result' }).textContent()).toMatch(
      /result.* for “hypervisor”/,
    );
    await hit.click();
    await page.waitForURL('**/glossary/#hypervisor');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds the lesson and says so when nothing matches', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(`${baseUrl()}/search/?q=kernel`);
    await page.locator('[data-search-results] a', { hasText: LESSON_TITLE }).first().waitFor();
    await page.getByRole('searchbox').last().fill('zqxjvw');
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toBe('No results for “zqxjvw”.');
    await page.close();
  });
});

describe('theme', () => {
  it('follows the OS until the reader chooses, and keeps the choice across reloads', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${baseUrl()}/glossary/`);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const darkBg = await bg();

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await bg()).not.toBe(darkBg);

    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('false');
    await page.goto(`${baseUrl()}/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('keyboard', () => {
  it('offers a skip link as the first stop that moves focus to the main content', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(`${baseUrl()}/lessons/containers-vs-virtual-machines/`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Skip to content');
    expect(await focused.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});

describe('404 page', () => {
  it('answers unknown addresses with a helpful page and a 404 status', async () => {
    const { page } = await watchedPage(browser, { allowHttpErrors: true });
    const response = await page.goto(`${baseUrl()}/lessons/no-such-lesson/`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This page does not exist');
    expect(await page.getByRole('link', { name: 'Go to the course map' }).getAttribute('href')).toBe('/');
    await page.close();
  });
});

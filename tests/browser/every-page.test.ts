import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, baseUrl, builtPages, describeViolations, launch, watchedPage } from './support/browser.ts';

const pages = builtPages();

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('every built page', () => {
  it('includes the home, lesson, glossary, search and 404 pages', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/glossary/', '/search/', '/404.html']));
    expect(pages.some((p) => p.startsWith('/lessons/'))).toBe(true);
  });

  for (const theme of ['light', 'dark'] as const) {
    it.each(pages)(`%s loads without console errors and passes axe in the ${theme} theme`, async (path) => {
      const context = await browser.newContext({ colorScheme: theme });
      const { page, problems } = await watchedPage(context, { allowHttpErrors: path === '/404.html' });
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it.each(pages)('%s fits a 360 px phone screen without sideways scrolling', async (path) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('the accessibility check itself', () => {
  it('reports violations when a page has them (so a clean result means something)', async () => {
    const page = await browser.newPage();
    await page.setContent('<html><body><img src="x.png"><button></button></body></html>');
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
    await page.close();
  });
});

import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, weighPage } from '../../scripts/page-weight.ts';
import { baseUrl, builtFile, builtPages, launch } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Pages that hold no widget: not the search page (it loads the search engine) and no page with an
// editor or terminal (they load Monaco or xterm on purpose; npm run bench reports their weight).
const plainPages = builtPages().filter(
  (p) => p !== '/search/' && !readFileSync(builtFile(p), 'utf8').includes('data-widget='),
);

describe('page-weight budget', () => {
  it.each(plainPages)('%s ships at most 15 kB of JavaScript and 150 kB in all, gzipped', async (path) => {
    const w = await weighPage(browser, baseUrl(), path);
    expect(w.jsBytes).toBeLessThanOrEqual(BUDGET.jsBytes);
    expect(w.totalBytes).toBeLessThanOrEqual(BUDGET.totalBytes);
  });

  it.each(builtPages())('%s makes no third-party or render-blocking requests', async (path) => {
    const w = await weighPage(browser, baseUrl(), path);
    expect(w.thirdParty).toEqual([]);
    expect(w.renderBlocking).toEqual([]);
  });
});

/**
 * The editor in Chromium: bytes loaded until it accepts input, and how long that takes from the
 * start of navigation (to `data-ready`, then to the first keystroke showing up as a problem).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { kB } from '../page-weight.ts';
import { median, ms, printTable } from './stats.ts';

const RUNS = 5;

export async function benchEditor(browser: Browser, baseUrl: string): Promise<void> {
  const rows = [['run', 'requests', 'bytes (gzip)', 'until ready', 'until first problem shown']];
  const ready: number[] = [];
  const firstProblem: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const files: string[] = [];
    page.on('requestfinished', (r) => files.push(new URL(r.url()).pathname));
    await page.goto(`${baseUrl}/validator/`);
    await page.locator('task-def-editor[data-ready="true"]').waitFor({ timeout: 60_000 });
    const readyAt = await page.evaluate(() => performance.now());
    const bytes = files.reduce((sum, path) => {
      const file = join('dist', path.endsWith('/') ? `${path}index.html` : path);
      return sum + (existsSync(file) ? gzipSync(readFileSync(file)).length : 0);
    }, 0);
    await page.locator('.monaco-editor .view-line', { hasText: '"family"' }).click();
    const typedAt = await page.evaluate(() => performance.now());
    await page.keyboard.press('End');
    await page.keyboard.type(' x');
    await page.locator('[data-problems] li').first().waitFor();
    const shownAt = await page.evaluate(() => performance.now());
    ready.push(readyAt);
    firstProblem.push(shownAt - typedAt);
    rows.push([String(run), String(files.length), kB(bytes), ms(readyAt), ms(shownAt - typedAt)]);
    await context.close();
  }
  rows.push(['median', '', '', ms(median(ready)), ms(median(firstProblem))]);
  console.log('Task definition editor in Chromium (/validator/, cold cache each run)\n');
  printTable(rows);
}

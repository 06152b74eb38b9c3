/**
 * `npm run bench`: measurements that are reported, not asserted by a timed test.
 * Page weight of the production build (run `npm run build` first).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/browser/support/static-server.ts';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';
import { BUDGET, kB, weighPage } from './page-weight.ts';

if (!existsSync('dist/index.html')) {
  console.error('No production build found: run `npm run build` first.');
  process.exit(2);
}

const PAGES = [
  { name: 'Home', path: '/' },
  { name: 'Lesson', path: '/lessons/containers-vs-virtual-machines/' },
  { name: 'Glossary', path: '/glossary/' },
];

const server = await serveStatic('dist');
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  console.log('Page weight of the production build (gzip bytes, as a static host sends them)\n');
  const rows = [['page', 'requests', 'JavaScript', 'total', 'budget (JS / total)', 'render-blocking', 'third-party']];
  for (const { name, path } of PAGES) {
    const w = await weighPage(browser, server.url, path);
    const ok = w.jsBytes <= BUDGET.jsBytes && w.totalBytes <= BUDGET.totalBytes;
    rows.push([
      `${name} ${path}`,
      String(w.requests),
      kB(w.jsBytes),
      kB(w.totalBytes),
      `${ok ? 'within' : 'OVER'} (${kB(BUDGET.jsBytes)} / ${kB(BUDGET.totalBytes)})`,
      String(w.renderBlocking.length),
      String(w.thirdParty.length),
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * `npm run bench`: measurements that are reported, not asserted by timed tests. Needs the
 * production build (`npm run build`) for the browser parts.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/browser/support/static-server.ts';
import { benchEditor } from './bench/editor.ts';
import { benchSimulator } from './bench/simulator.ts';
import { printTable } from './bench/stats.ts';
import { benchTerminal } from './bench/terminal.ts';
import { benchValidator } from './bench/validator.ts';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';
import { BUDGET, kB, weighPage } from './page-weight.ts';

benchValidator();
benchSimulator();

if (!existsSync('dist/index.html')) {
  console.error('No production build found: run `npm run build` first for the page-weight and editor figures.');
  process.exit(2);
}

// Widget pages load Monaco or xterm on purpose: reported here, timed below, not held to the budget.
const PAGES = [
  { name: 'Home', path: '/', widgets: false },
  { name: 'Lesson', path: '/lessons/containers-vs-virtual-machines/', widgets: false },
  { name: 'Glossary', path: '/glossary/', widgets: false },
  { name: 'Playground', path: '/playground/', widgets: true },
];

const server = await serveStatic('dist');
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  console.log('Page weight of the production build (gzip bytes, as a static host sends them)\n');
  const rows = [['page', 'requests', 'JavaScript', 'total', 'budget (JS / total)', 'render-blocking', 'third-party']];
  for (const { name, path, widgets } of PAGES) {
    const w = await weighPage(browser, server.url, path);
    const ok = w.jsBytes <= BUDGET.jsBytes && w.totalBytes <= BUDGET.totalBytes;
    rows.push([
      `${name} ${path}`,
      String(w.requests),
      kB(w.jsBytes),
      kB(w.totalBytes),
      widgets
        ? 'widget page: timed below'
        : `${ok ? 'within' : 'OVER'} (${kB(BUDGET.jsBytes)} / ${kB(BUDGET.totalBytes)})`,
      String(w.renderBlocking.length),
      String(w.thirdParty.length),
    ]);
  }
  printTable(rows);
  await benchEditor(browser, server.url);
  await benchTerminal(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}

/**
 * The terminal in Chromium (/playground/): bytes loaded and time until it accepts input, and the
 * frame times of the cluster picture while 200 tasks start and run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { kB } from '../page-weight.ts';
import { median, ms, printTable } from './stats.ts';

const RUNS = 3;

async function type(page: Page, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
};

export async function benchTerminal(browser: Browser, baseUrl: string): Promise<void> {
  const rows = [['run', 'requests', 'bytes (gzip)', 'until it accepts input']];
  const ready: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const files: string[] = [];
    page.on('requestfinished', (r) => files.push(new URL(r.url()).pathname));
    await page.goto(`${baseUrl}/playground/`);
    await page.locator('cluster-terminal[data-ready="true"]').waitFor({ timeout: 60_000 });
    const readyAt = await page.evaluate(() => performance.now());
    const bytes = files.reduce((sum, path) => {
      const file = join('dist', path.endsWith('/') ? `${path}index.html` : path);
      return sum + (existsSync(file) ? gzipSync(readFileSync(file)).length : 0);
    }, 0);
    ready.push(readyAt);
    rows.push([String(run), String(files.length), kB(bytes), ms(readyAt)]);
    await context.close();
  }
  rows.push(['median', '', '', ms(median(ready))]);
  console.log('\nTerminal in Chromium (/playground/, cold cache each run)\n');
  printTable(rows);

  // 200 tasks: 25 instances, one service. Frame times are measured while they start and run.
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/playground/`);
  await page.locator('cluster-terminal[data-ready="true"]').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: '60×' }).click();
  await page.locator('.cluster-terminal .xterm-helper-textarea').focus();
  await type(page, 'sim add-instances --cluster academy --count 20 --instance-type m5.xlarge');
  await type(page, 'sim add-instances --cluster academy --count 5 --instance-type m5.xlarge');
  await type(
    page,
    'aws ecs register-task-definition --family many --container-definitions name=app,image=nginx,cpu=64,memory=64,essential=true',
  );
  await page.evaluate(() => {
    const w = window as unknown as { frames: number[]; longest: number };
    w.frames = [];
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = (now: number) => {
      w.frames.push(now - last);
      last = now;
      if (w.frames.length < 100_000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await type(
    page,
    'aws ecs create-service --cluster academy --service-name many --task-definition many --desired-count 200',
  );
  await page.locator('.cluster-terminal .chip[data-status="RUNNING"]').nth(199).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(3000);
  const { frames, longest, chips } = await page.evaluate(() => {
    const w = window as unknown as { frames: number[]; longest: number };
    return { frames: w.frames.slice(1), longest: w.longest, chips: document.querySelectorAll('.chip').length };
  });
  await context.close();
  console.log(`\nCluster picture with ${chips} task chips (200 tasks starting and running at 60×)\n`);
  printTable([
    ['frames', 'median frame', '95th percentile', 'slowest frame', 'longest task'],
    [String(frames.length), ms(median(frames)), ms(percentile(frames, 95)), ms(Math.max(...frames)), ms(longest)],
  ]);
}

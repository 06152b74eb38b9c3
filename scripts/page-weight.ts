/**
 * Weighs pages of the production build as a browser loads them: every request the page makes is
 * matched to its file in dist/ and counted at its gzip size (what a static host sends).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface PageWeight {
  path: string;
  requests: number;
  /** gzip bytes of JavaScript: inline scripts plus every script file loaded. */
  jsBytes: number;
  /** gzip bytes of everything loaded, HTML included. */
  totalBytes: number;
  /** Requests to other origins (fonts, CDNs); a page should make none. */
  thirdParty: string[];
  /** Stylesheets or classic scripts in <head> that hold up the first paint. */
  renderBlocking: string[];
}

/** Pages without widgets must stay within these (issue: half of a stock Starlight page). */
export const BUDGET = { jsBytes: 15 * 1024, totalBytes: 150 * 1024 };

const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

function fileFor(distRoot: string, pathname: string): string {
  const decoded = decodeURIComponent(pathname);
  return join(distRoot, decoded.endsWith('/') ? `${decoded}index.html` : decoded);
}

export async function weighPage(
  browser: Browser,
  baseUrl: string,
  path: string,
  distRoot = 'dist',
): Promise<PageWeight> {
  const page = await browser.newPage();
  const loaded: { url: string; type: string }[] = [];
  page.on('requestfinished', (req) => loaded.push({ url: req.url(), type: req.resourceType() }));
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
  const inlineScripts = await page.$$eval('script:not([src])', (els) => els.map((e) => e.textContent ?? ''));
  const renderBlocking = await page.$$eval(
    'head link[rel="stylesheet"], head script[src]:not([type="module"]):not([async]):not([defer])',
    (els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
  );
  await page.close();

  const origin = new URL(baseUrl).origin;
  let jsBytes = inlineScripts.reduce((sum, s) => sum + (s.trim() ? gz(s) : 0), 0);
  let totalBytes = 0;
  const thirdParty: string[] = [];
  for (const { url, type } of loaded) {
    const u = new URL(url);
    if (u.origin !== origin) {
      thirdParty.push(url);
      continue;
    }
    const file = fileFor(distRoot, u.pathname);
    // A request with no file behind it was answered with the 404 page.
    const bytes = gz(readFileSync(existsSync(file) ? file : join(distRoot, '404.html')));
    totalBytes += bytes;
    if (type === 'script') jsBytes += bytes;
  }
  return { path, requests: loaded.length, jsBytes, totalBytes, thirdParty, renderBlocking };
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

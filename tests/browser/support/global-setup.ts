import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../../scripts/chromium.ts';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

/** Serves the production build and finds Chromium once for every browser test file. */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!existsSync('dist/index.html') || !existsSync('dist/pagefind/pagefind.js')) {
    throw new Error('The browser tests run against the production build: run `npm run build` first (npm test does).');
  }
  const server = await serveStatic('dist');
  project.provide('baseUrl', server.url);
  project.provide('chromiumPath', chromiumPath);
  return server.close;
}

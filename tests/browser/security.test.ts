import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtFile, builtPages } from './support/browser.ts';

const html = (path: string) => readFileSync(builtFile(path), 'utf8');

describe('security baseline of the built pages', () => {
  it.each(builtPages())('%s has a strict Content Security Policy and no inline handlers', (path) => {
    const page = html(path);
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(page)?.[1];
    expect(csp, 'CSP meta tag').toBeDefined();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toContain("'unsafe-eval'");
    const scriptSrc = /script-src ([^;]*)/.exec(csp ?? '')?.[1] ?? '';
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    // Inline styles are allowed only where Monaco or xterm run (they write style attributes).
    expect(csp?.includes("'unsafe-inline'")).toBe(page.includes('data-widget='));
    // No onclick= and friends anywhere: every script is an Astro-bundled module or hashed inline script.
    expect(page).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/javascript:/i);
  });

  it('allows WebAssembly compilation only on the search page', () => {
    for (const path of builtPages()) {
      const wasm = html(path).includes("'wasm-unsafe-eval'");
      expect(wasm, path).toBe(path === '/search/');
    }
  });
});

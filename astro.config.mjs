// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import themeBoot from './src/integrations/theme-boot.ts';

export default defineConfig({
  site: 'https://ecs-academy.example',
  trailingSlash: 'always',
  // Inline CSS: no render-blocking stylesheet requests; Astro hashes each <style> for the CSP.
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx(), themeBoot()],
  // Prism marks tokens with classes; Shiki writes inline styles, which the CSP forbids.
  markdown: { syntaxHighlight: 'prism' },
  // Pages are static HTML: no prefetching scripts, no dev toolbar in screenshots.
  prefetch: false,
  devToolbar: { enabled: false },
  security: {
    // Astro hashes every script and style it emits and writes a CSP <meta> per page.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "worker-src 'self' blob:",
      ],
      // Lazily imported chunks (search, widgets) are same-origin files.
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});

import type { AstroIntegration } from 'astro';
import { THEME_KEY } from '../lib/theme.ts';

// Runs before first paint so a reader who chose a theme never sees the other one flash.
// Injected "head-inline" so Astro adds its hash to each page's Content Security Policy.
const BOOT = `(()=>{try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}})();`;

export default function themeBoot(): AstroIntegration {
  return {
    name: 'ecs-academy:theme-boot',
    hooks: {
      'astro:config:setup': ({ injectScript }) => injectScript('head-inline', BOOT),
    },
  };
}

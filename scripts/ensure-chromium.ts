/**
 * Makes sure the browser tests have a Chromium. When none is installed and this is a Debian-like
 * machine where we are root, installs Debian's `chromium` package (saying so); otherwise stops
 * with instructions. Set ECS_ACADEMY_NO_BROWSER_INSTALL=1 to never install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.ts';

function tryFind(): string | undefined {
  try {
    return findChromium();
  } catch {
    return undefined;
  }
}

let path = tryFind();
const canInstall =
  !path &&
  !process.env.CHROMIUM_PATH &&
  process.env.ECS_ACADEMY_NO_BROWSER_INSTALL !== '1' &&
  process.getuid?.() === 0 &&
  existsSync('/usr/bin/apt-get');

if (canInstall) {
  console.log('No Chromium found: installing Debian\'s "chromium" package for the browser tests…');
  const run = (args: string[]) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['update', '-qq']);
  run(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  path = tryFind();
}

if (!path) {
  try {
    findChromium();
  } catch (error) {
    console.error((error as Error).message);
  }
  process.exit(1);
} else {
  console.log(`Browser tests will use ${path}`);
}

/**
 * Makes sure the tests have the system programs they drive: Chromium (browser tests) and
 * Debian's AWS CLI v2 (conformance tests). When one is missing on a Debian-like machine where we
 * are root, installs the Debian package (saying so); otherwise stops with instructions.
 * Set ECS_ACADEMY_NO_SYSTEM_INSTALL=1 to never install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.ts';

const AWS_CLI = '/usr/bin/aws';

function hasChromium(): boolean {
  try {
    findChromium();
    return true;
  } catch {
    return false;
  }
}

const missing = [
  ...(!hasChromium() && !process.env.CHROMIUM_PATH ? ['chromium'] : []),
  ...(!existsSync(AWS_CLI) ? ['awscli'] : []),
];
const canInstall =
  missing.length > 0 &&
  process.env.ECS_ACADEMY_NO_SYSTEM_INSTALL !== '1' &&
  process.getuid?.() === 0 &&
  existsSync('/usr/bin/apt-get');

if (canInstall) {
  console.log(`Installing Debian packages the tests need: ${missing.join(', ')}…`);
  const run = (args: string[]) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['update', '-qq']);
  run(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

const problems: string[] = [];
if (!hasChromium()) {
  try {
    findChromium();
  } catch (error) {
    problems.push((error as Error).message);
  }
}
if (!existsSync(AWS_CLI)) {
  problems.push(
    "The conformance tests need Debian's AWS CLI v2 at /usr/bin/aws.\nInstall it (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y awscli",
  );
}
if (problems.length > 0) {
  console.error(problems.join('\n\n'));
  process.exit(1);
}
console.log(`Tests will use ${findChromium()} and ${AWS_CLI}`);

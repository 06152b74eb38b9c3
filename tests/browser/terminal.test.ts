/**
 * The playground as a learner uses it: typing commands into the terminal and reading the output,
 * Tab completion and history, registering the editor's task definition, watching a task start in
 * the cluster picture, reloading, undoing, and opening a share link.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, watchedPage } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The terminal's visible text (xterm's DOM renderer keeps it in the page). */
const screen = async (page: Page) =>
  (await page.locator('.cluster-terminal .xterm-rows > div').allTextContents()).join('\n');

async function waitForText(page: Page, text: string | RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await screen(page);
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`terminal never showed ${String(text)}; it shows:\n${last}`);
}

async function openPlayground(context: BrowserContext, hash = '') {
  const watched = await watchedPage(context);
  await watched.page.goto(`${baseUrl()}/playground/${hash}`);
  await watched.page.locator('.cluster-terminal .xterm-rows').waitFor();
  await waitForText(watched.page, '$');
  return watched;
}

async function type(page: Page, text: string) {
  await page.locator('.cluster-terminal .xterm-helper-textarea').focus();
  await page.keyboard.type(text);
}

async function run(page: Page, line: string) {
  await type(page, line);
  await page.keyboard.press('Enter');
}

describe('playground terminal', () => {
  it('runs commands, completes with Tab, recalls history, and shows errors', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPlayground(context);
    await run(page, 'aws ecs list-clusters');
    await waitForText(page, 'arn:aws:ecs:us-east-1:');
    await waitForText(page, 'cluster/academy');

    await type(page, 'aws ecs describe-clu');
    await page.keyboard.press('Tab');
    await type(page, ' --clusters acad');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForText(page, '"clusterName": "academy"');

    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await waitForText(page, /\$ aws ecs list-clusters\s*$/m);
    await page.keyboard.press('Control+c');

    await run(page, 'aws ecs describe-services --cluster nope --services web');
    await waitForText(page, 'ClusterNotFoundException');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('registers the editor task definition, runs a task and shows it start in the picture', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPlayground(context);
    await page.getByRole('button', { name: '60×' }).click();
    await page.getByRole('button', { name: 'Register in cluster' }).click();
    await waitForText(page, '"status": "ACTIVE"');
    // The button typed the command into the terminal: it is the last line in the history.
    await page.locator('.cluster-terminal .xterm-helper-textarea').focus();
    await page.keyboard.press('ArrowUp');
    await waitForText(page, /\$ aws ecs register-task-definition --cli-input-json file:\/\/taskdef\.json\s*$/m);
    await page.keyboard.press('Control+c');

    await run(page, 'aws ec2 describe-subnets --query Subnets[0].SubnetId --output text');
    const subnet = (await waitForText(page, /subnet-[0-9a-f]+/)).match(/subnet-[0-9a-f]{8,}/)?.[0];
    await run(
      page,
      `aws ecs run-task --cluster academy --task-definition web --launch-type FARGATE --network-configuration awsvpcConfiguration={subnets=[${subnet}]} --query tasks[0].lastStatus`,
    );
    await waitForText(page, '"PROVISIONING"');
    const view = page.getByRole('region', { name: 'What is running' });
    await view.locator('.chip[data-status="RUNNING"]').waitFor({ timeout: 15_000 });

    // The chip's describe output matches the task.
    await view.locator('.chip').first().click();
    const details = page.locator('[data-details]');
    await expect(details.locator('pre').textContent()).resolves.toContain('"lastStatus": "RUNNING"');
    expect(problems).toEqual([]);

    // Reload: the session comes back.
    await page.reload();
    await page.locator('.cluster-terminal .xterm-rows').waitFor();
    await waitForText(page, 'Restored');
    await view.locator('.chip').first().waitFor();

    // Undo the run-task: the task is gone from the picture.
    await run(page, 'undo');
    await waitForText(page, 'Undone: aws ecs run-task');
    await expect(view.locator('.chip').count()).resolves.toBe(0);
    await context.close();
  });

  it('opens a share link in a fresh browser and refuses a damaged one', async () => {
    const context = await browser.newContext();
    const { page } = await openPlayground(context);
    await run(page, 'aws ecs create-cluster --cluster-name shared-demo');
    await waitForText(page, '"clusterName": "shared-demo"');
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const link = ((await page.locator('[data-details] pre').textContent()) ?? '').split('\n')[0] ?? '';
    expect(link).toContain('#session-playground=');
    await context.close();

    const fresh = await browser.newContext();
    const opened = await openPlayground(fresh, `#${link.split('#')[1]}`);
    const view = opened.page.getByRole('region', { name: 'What is running' });
    await view.getByRole('button', { name: /^Cluster shared-demo/ }).waitFor();
    await fresh.close();

    const damaged = await browser.newContext();
    const bad = await openPlayground(damaged, '#session-playground=%7B%22version%22%3A9%7D');
    await expect(bad.page.getByRole('alert').textContent()).resolves.toContain('The share link could not be opened');
    await damaged.close();
  });
});

describe('a terminal in a lesson', () => {
  it('starts when the learner scrolls to it, and runs what they type', async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    await page.goto(`${baseUrl()}/lessons/tasks-and-services/`);
    // Nothing is loaded until the learner reaches it.
    expect(await page.locator('.cluster-terminal .xterm-rows').count()).toBe(0);
    await page.locator('cluster-terminal').scrollIntoViewIfNeeded();
    await page.locator('.cluster-terminal .xterm-rows').waitFor();
    await run(
      page,
      'aws ecs register-task-definition --cli-input-json file://taskdef.json --query taskDefinition.revision',
    );
    await waitForText(page, /^1\s*$/m);
    await run(page, 'explain desired count');
    await waitForText(page, 'Desired count');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('cancels a long wait with Ctrl-C and keeps going', async () => {
    const context = await browser.newContext();
    const { page } = await openPlayground(context);
    await page.getByRole('button', { name: '1×' }).click();
    await run(page, 'sleep 3600');
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+c');
    await waitForText(page, '^C');
    await run(page, 'echo still here');
    await waitForText(page, /^still here\s*$/m);
    await context.close();
  });
});

describe('keyboard only', () => {
  it('never traps focus: Shift+Tab leaves the terminal, and after Ctrl+M so does Tab', async () => {
    const context = await browser.newContext();
    const { page } = await openPlayground(context);
    const inTerminal = () => page.evaluate(() => document.activeElement?.closest('.xterm') !== null);
    await page.locator('.cluster-terminal .xterm-helper-textarea').focus();
    await page.keyboard.type('aws ecs list-clu');
    await page.keyboard.press('Tab');
    await waitForText(page, /\$ aws ecs list-clusters\s*$/m);
    expect(await inTerminal()).toBe(true);

    await page.keyboard.press('Shift+Tab');
    expect(await inTerminal()).toBe(false);

    await page.locator('.cluster-terminal .xterm-helper-textarea').focus();
    await page.keyboard.press('Control+m');
    await page.keyboard.press('Tab');
    expect(await inTerminal()).toBe(false);
    await context.close();
  });
});

// The web console in headless Chromium (run by ConsoleBrowserTest):
//   node console.spec.mjs <url> <taskId> <taskLine> <functionName> <functionLine> <screenshot.png> <profileDir>
// Loads the page, waits (bounded) for the task RUNNING and the function Active, opens each one's log tail through
// its link and waits for the line it printed, then saves a screenshot. Exits non-zero with one line on failure.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// playwright-core lives in tools/browser-test (its own package.json and lock), not beside this script
const require = createRequire(path.resolve(here, '../../../../tools/browser-test/package.json'));
const { chromium } = require('playwright-core');

const [url, taskId, taskLine, functionName, functionLine, screenshot, profile] = process.argv.slice(2);
if (!profile) {
  console.error('usage: node console.spec.mjs <url> <taskId> <taskLine> <functionName> <functionLine> <png> <profile>');
  process.exit(2);
}
const WAIT = { timeout: 60_000 };

const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 900 },
});
let failed = false;
try {
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  await page.goto(url);

  const task = page.locator(`tr[data-task-id="${taskId}"]`);
  await task.locator('.status', { hasText: 'RUNNING' }).first().waitFor(WAIT);
  console.log(`task ${taskId} listed RUNNING`);
  await task.locator('.port').first().waitFor(WAIT);
  console.log(`task ports: ${await task.locator('.port').first().textContent()}`);

  const fn = page.locator(`tr[data-function="${functionName}"]`);
  await fn.locator('.status', { hasText: 'Active' }).first().waitFor(WAIT);
  await fn.locator('.env').first().waitFor(WAIT);
  console.log(`function ${functionName} listed Active with ${await fn.locator('.env').count()} environment(s)`);

  await task.locator('a.log-link').first().click();
  await page.locator('#tail-lines', { hasText: taskLine }).waitFor(WAIT);
  console.log(`task tail shows "${taskLine}"`);

  await fn.locator('a.log-link').first().click();
  await page.locator('#tail-lines', { hasText: functionLine }).waitFor(WAIT);
  await page.locator('#tail-lines', { hasText: 'REPORT RequestId:' }).waitFor(WAIT);
  console.log(`function tail shows "${functionLine}" and its REPORT line`);

  await page.locator('#engine', { hasText: 'available' }).waitFor(WAIT);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`screenshot ${screenshot}`);
  if (errors.length) {
    throw new Error('the page threw: ' + errors.join('; '));
  }
} catch (e) {
  failed = true;
  console.error('console check failed: ' + String(e.message).split('\n')[0]);
  try {
    const page = context.pages()[0];
    if (page) {
      await page.screenshot({ path: screenshot.replace(/\.png$/, '-failed.png'), fullPage: true });
      console.error((await page.locator('main').innerText()).slice(0, 4000));
    }
  } catch (ignored) { /* the failure above is the message */ }
} finally {
  await context.close();
}
process.exit(failed ? 1 : 0);

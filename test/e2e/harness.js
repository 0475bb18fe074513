'use strict';
/*
 * Starts the demo for real (the built frontend served by the backend, on its own port and an
 * in-memory database) and drives Debian's Chromium with playwright-core. Never downloads a browser.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const BASE_URL = 'http://localhost:7117';
const CHROMIUM = process.env.PRODREADY_CHROMIUM || '/usr/bin/chromium';
const OUTPUT = path.join(root, 'test/e2e/output');
/** Screenshots for the docs, written by the e2e test. */
const SCREENSHOTS = path.join(root, 'docs/screenshots');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function chromiumAvailable() {
  return fs.existsSync(CHROMIUM);
}

function buildApp() {
  const r = spawnSync('npx', ['backstage-cli', 'package', 'build'], {
    cwd: path.join(root, 'packages/app'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0)
    throw new Error(`the app build failed (exit ${r.status})`);
}

async function waitFor(
  url,
  timeoutMs,
  isUp = res => res.ok,
  gone = () => undefined,
) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    const exited = gone();
    if (exited)
      throw new Error(`the backend exited (${exited}) before ${url} came up`);
    try {
      const res = await fetch(url);
      if (isUp(res)) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `${url} did not come up within ${timeoutMs / 1000} s (last: ${last})`,
  );
}

/** Whether anything serves HTTP on the e2e port. */
const answers = () =>
  fetch(BASE_URL, { signal: AbortSignal.timeout(5_000) }).then(
    () => true,
    () => false,
  );

/** Starts the backend with the demo config plus the e2e overrides; resolves once it serves. */
async function startBackend() {
  // Another backend on the port would answer in place of this one, with its own state. A previous
  // run's backend may still be shutting down: give it a moment.
  for (let i = 0; (await answers()) && i <= 30; i++) {
    if (i === 30)
      throw new Error(
        `${BASE_URL} already answers: stop whatever listens on that port (another e2e run?) first`,
      );
    await new Promise(r => setTimeout(r, 500));
  }
  fs.mkdirSync(OUTPUT, { recursive: true });
  const log = fs.openSync(path.join(OUTPUT, 'backend.log'), 'w');
  const child = spawn(
    'npx',
    [
      'backstage-cli',
      'package',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../test/e2e/app-config.e2e.yaml',
    ],
    {
      cwd: path.join(root, 'packages/backend'),
      stdio: ['ignore', log, log],
      detached: true,
      env: { ...process.env, NODE_ENV: 'development' },
    },
  );
  let exited;
  const exit = new Promise(resolve =>
    child.on('exit', (code, signal) => {
      exited = signal ? `signal ${signal}` : `exit ${code}`;
      resolve();
    }),
  );
  const signal = sig => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  /** Stops the backend (its whole process group); the promise resolves once it has exited. */
  const stop = async () => {
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 10_000);
    await exit;
    // The process group gets the signal at once; the backend itself may outlive npx briefly.
    for (let i = 0; (await answers()) && i < 20; i++)
      await new Promise(r => setTimeout(r, 500));
    clearTimeout(timer);
  };
  try {
    await waitFor(
      `${BASE_URL}/.backstage/health/v1/readiness`,
      120_000,
      undefined,
      () => exited,
    );
    await waitFor(
      `${BASE_URL}/api/readiness/health`,
      30_000,
      res => res.status === 401 || res.ok,
      () => exited,
    );
  } catch (e) {
    await stop();
    const tail = fs
      .readFileSync(path.join(OUTPUT, 'backend.log'), 'utf8')
      .split('\n')
      .slice(-30)
      .join('\n');
    throw new Error(`${e.message}\n--- backend log (tail) ---\n${tail}`);
  }
  return { stop };
}

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    headless: true,
  });
}

/** Loads `pathname`, signing in as guest when the app asks (a full load may show the sign-in page). */
async function navigate(page, pathname) {
  await page.goto(`${BASE_URL}${pathname}`);
  const enter = page.getByRole('button', { name: 'Enter' });
  const main = page.getByRole('main').first();
  await enter.or(main).first().waitFor({ timeout: 60_000 });
  if (await enter.isVisible()) await enter.click();
  await main.waitFor({ timeout: 60_000 });
}

/** A page signed in as guest, at `pathname`. */
async function openSignedIn(
  browser,
  pathname,
  viewport = { width: 1440, height: 900 },
) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await navigate(page, pathname);
  return page;
}

async function screenshot(page, name) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * A PNG of one element, for the docs (`dir`, default docs/screenshots), with `padding` px of the page
 * around it. Backstage scrolls inside its page, not the document, so an element taller than the
 * viewport would be cut off: the viewport then grows in height only (the width, and so the layout,
 * stays) and is restored after. Waits `settleMs` for transitions to end; the mouse is moved away so
 * no hover state shows.
 */
async function elementScreenshot(
  locator,
  name,
  { dir = SCREENSHOTS, settleMs = 400, padding = 0 } = {},
) {
  const page = locator.page();
  const viewport = page.viewportSize();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.mouse.move(0, 0);
  await locator.scrollIntoViewIfNeeded();
  const first = await locator.boundingBox();
  if (!first) throw new Error(`${name}: the element to capture is not visible`);
  const grow = first.height + 2 * padding + 64 > viewport.height;
  if (grow)
    await page.setViewportSize({
      width: viewport.width,
      height: Math.ceil(first.height + 2 * padding + 240),
    });
  try {
    await locator.scrollIntoViewIfNeeded();
    await page.waitForTimeout(settleMs);
    if (padding === 0) {
      await locator.screenshot({
        path: file,
        animations: 'disabled',
        caret: 'hide',
      });
    } else {
      const box = await locator.boundingBox();
      const size = page.viewportSize();
      const x = Math.max(0, Math.floor(box.x - padding));
      const y = Math.max(0, Math.floor(box.y - padding));
      const clip = {
        x,
        y,
        width: Math.min(size.width, Math.ceil(box.x + box.width + padding)) - x,
        height:
          Math.min(size.height, Math.ceil(box.y + box.height + padding)) - y,
      };
      await page.screenshot({
        path: file,
        clip,
        animations: 'disabled',
        caret: 'hide',
      });
    }
  } finally {
    if (grow) await page.setViewportSize(viewport);
  }
  return file;
}

/** The viewport as a user sees it, for the docs (`dir`, default docs/screenshots). */
async function viewportScreenshot(
  page,
  name,
  { dir = SCREENSHOTS, settleMs = 400 } = {},
) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  return file;
}

/** A Backstage token of the guest user, for calling the backend's APIs directly. */
async function guestToken() {
  const res = await fetch(`${BASE_URL}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in failed: HTTP ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

/**
 * Resolves once the readiness plugin has stored a report for at least `entityCount` entities (its
 * first evaluation runs soon after start). When the first evaluation ran before the catalog had
 * every entity, asks for a re-evaluation (POST /refresh) instead of waiting for the next cycle.
 */
async function waitForReadiness(entityCount, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  const token = await guestToken();
  const headers = { authorization: `Bearer ${token}` };
  let seen = 0;
  let firstSeenAt;
  let refreshed = false;
  while (Date.now() < deadline) {
    const res = await fetch(`${BASE_URL}/api/readiness/scorecard?limit=1`, {
      headers,
    });
    if (res.ok) seen = (await res.json()).totalCount;
    if (seen >= entityCount) return seen;
    if (seen > 0) {
      firstSeenAt ??= Date.now();
      if (!refreshed && Date.now() - firstSeenAt > 10_000) {
        await fetch(`${BASE_URL}/api/readiness/refresh`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: '{}',
        });
        refreshed = true;
      }
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `the readiness plugin reported ${seen} of ${entityCount} entities within ${
      timeoutMs / 1000
    } s`,
  );
}

module.exports = {
  BASE_URL,
  CHROMIUM,
  OUTPUT,
  SCREENSHOTS,
  chromiumAvailable,
  buildApp,
  startBackend,
  launchBrowser,
  navigate,
  openSignedIn,
  screenshot,
  elementScreenshot,
  viewportScreenshot,
  guestToken,
  waitForReadiness,
};

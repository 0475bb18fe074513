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
  if (r.status !== 0) throw new Error(`the app build failed (exit ${r.status})`);
}

async function waitFor(url, timeoutMs, isUp = res => res.ok) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (isUp(res)) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s (last: ${last})`);
}

/** Starts the backend with the demo config plus the e2e overrides; resolves once it serves. */
async function startBackend() {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const log = fs.openSync(path.join(OUTPUT, 'backend.log'), 'w');
  const child = spawn(
    'npx',
    ['backstage-cli', 'package', 'start', '--config', '../../app-config.yaml', '--config', '../../test/e2e/app-config.e2e.yaml'],
    { cwd: path.join(root, 'packages/backend'), stdio: ['ignore', log, log], detached: true, env: { ...process.env, NODE_ENV: 'development' } },
  );
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  try {
    await waitFor(`${BASE_URL}/.backstage/health/v1/readiness`, 120_000);
    await waitFor(`${BASE_URL}/api/readiness/health`, 30_000, res => res.status === 401 || res.ok);
  } catch (e) {
    stop();
    const tail = fs.readFileSync(path.join(OUTPUT, 'backend.log'), 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${e.message}\n--- backend log (tail) ---\n${tail}`);
  }
  return { stop };
}

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

/** A page signed in as guest, at `pathname`. */
async function openSignedIn(browser, pathname) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}${pathname}`);
  // A fresh browser context sees the guest sign-in page first.
  const enter = page.getByRole('button', { name: 'Enter' });
  const main = page.getByRole('main').first();
  await enter.or(main).first().waitFor({ timeout: 60_000 });
  if (await enter.isVisible()) await enter.click();
  await main.waitFor({ timeout: 60_000 });
  return page;
}

async function screenshot(page, name) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

module.exports = { BASE_URL, CHROMIUM, OUTPUT, chromiumAvailable, buildApp, startBackend, launchBrowser, openSignedIn, screenshot };

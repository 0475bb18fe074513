#!/usr/bin/env node
'use strict';
/*
 * `npm run test:e2e`: builds the app, then runs test/e2e/*.e2e.test.js with node's test runner.
 * Without Chromium it says so plainly and skips, unless PRODREADY_E2E=required (CI), which fails.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const {
  CHROMIUM,
  OUTPUT,
  SCREENSHOTS,
  chromiumAvailable,
  buildApp,
} = require('./harness');

if (!chromiumAvailable()) {
  const msg = `Chromium is not installed at ${CHROMIUM}: install it with 'apt-get install -y chromium'.`;
  if (process.env.PRODREADY_E2E === 'required') {
    console.error(`[e2e] FAILED: ${msg} (PRODREADY_E2E=required)`);
    process.exit(1);
  }
  console.log(`[e2e] SKIPPED, the browser test did not run: ${msg}`);
  process.exit(0);
}

const started = Date.now();
const seconds = since => `${Math.round((Date.now() - since) / 1000)} s`;
console.log('[e2e] building the app');
buildApp();
console.log(`[e2e] built the app in ${seconds(started)}`);
const testsStarted = Date.now();
const files = fs
  .readdirSync(__dirname)
  .filter(f => f.endsWith('.e2e.test.js'))
  .map(f => path.join(__dirname, f));
const r = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=1', ...files],
  { stdio: 'inherit' },
);
console.log(
  `[e2e] tests ran in ${seconds(testsStarted)}, ${seconds(started)} in all`,
);
console.log(
  `[e2e] docs screenshots in ${path.relative(
    process.cwd(),
    SCREENSHOTS,
  )}; debug screenshots, the backend log and the exported CSV in ${path.relative(
    process.cwd(),
    OUTPUT,
  )}`,
);
process.exit(r.status ?? 1);

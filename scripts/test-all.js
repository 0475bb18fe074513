#!/usr/bin/env node
/*
 * `npm test`: every gate, in order, each in its own process, stopping at nothing so one red
 * step does not hide the others. Exits non-zero when any step failed.
 *
 *   type-check  tsc over every package
 *   lint        eslint over every package (backstage-cli)
 *   unit        every package's jest tests; database tests run on SQLite and, when
 *               BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set, on PostgreSQL too
 *   e2e         the demo started for real and driven by Chromium (skipped, said plainly,
 *               when no Chromium is installed, unless PRODREADY_E2E=required)
 */
'use strict';

const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const only = process.argv.slice(2);

const steps = [
  { name: 'type-check', script: 'tsc' },
  { name: 'lint', script: 'lint' },
  { name: 'docs', script: 'docs:check', optional: true },
  { name: 'unit', script: 'test:unit' },
  { name: 'e2e', script: 'test:e2e' },
];

const scripts = require(path.join(root, 'package.json')).scripts;
const env = { ...process.env };
// Backstage's TestDatabases would otherwise try to start containers when CI is set.
env.BACKSTAGE_TEST_DISABLE_DOCKER ??= '1';

const outcomes = [];
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  if (step.optional && !scripts[step.script]) continue;
  const started = Date.now();
  console.log(`\n=== ${step.name}: npm run ${step.script}`);
  const r = spawnSync('npm', ['run', '-s', step.script], { cwd: root, stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  outcomes.push({ name: step.name, ok: r.status === 0, seconds });
}

console.log('\n=== summary');
for (const o of outcomes) console.log(`  ${o.ok ? 'ok  ' : 'FAIL'} ${o.name} (${o.seconds} s)`);
const failed = outcomes.filter(o => !o.ok).length;
console.log(`steps: ${outcomes.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

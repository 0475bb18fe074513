#!/usr/bin/env node
/*
 * prestart / pretest hook: install dependencies when they are missing or were installed from
 * another package-lock.json. Plain Node with no dependencies, so it runs on a fresh clone.
 * Uses `npm install`, not `npm ci`: some registries lack optional platform binaries that
 * `npm ci` insists on, while `npm install` skips them.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { lockHash, readStamp, writeStamp } = require('./install-stamp');

const root = path.resolve(__dirname, '..');
const why = !fs.existsSync(path.join(root, 'node_modules'))
  ? 'node_modules is missing'
  : readStamp(root) === undefined
  ? 'node_modules was not installed by npm install here'
  : readStamp(root) !== lockHash(root)
  ? 'package-lock.json changed since the last install'
  : undefined;

if (!why) process.exit(0);

console.log(`[prodready] ${why}: running npm install (a cold install takes a few minutes)`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  console.error(`[prodready] npm install failed with exit code ${r.status}`);
  process.exit(r.status || 1);
}
writeStamp(root);

#!/usr/bin/env node
/*
 * Root postinstall: make sure every native module loads in the Node that runs the project.
 *
 * The project runs on the Node 22 binary of the `node` devDependency (first on the PATH of every
 * npm script), while a machine's own Node may be older. better-sqlite3's own install script is
 * denied in `allowScripts` (it would compile against whatever Node npm itself runs on, and its
 * prebuilt binaries cannot be downloaded everywhere), so this script builds it here with node-gyp
 * against the headers that ship with the Node binary running this script. Plain Node, no
 * dependencies; fast when nothing needs doing.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const NATIVE_MODULES = ['better-sqlite3'];

function findPackageDirs(name) {
  const found = [];
  const visit = dir => {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) found.push(candidate);
    const nm = path.join(dir, 'node_modules');
    if (!fs.existsSync(nm)) return;
    for (const entry of fs.readdirSync(nm)) {
      if (entry.startsWith('.')) continue;
      const scoped = entry.startsWith('@')
        ? fs.readdirSync(path.join(nm, entry)).map(e => path.join(nm, entry, e))
        : [path.join(nm, entry)];
      for (const pkg of scoped) {
        if (fs.existsSync(path.join(pkg, 'node_modules'))) visit(pkg);
      }
    }
  };
  visit(root);
  for (const ws of ['packages', 'plugins']) {
    const wsDir = path.join(root, ws);
    if (!fs.existsSync(wsDir)) continue;
    for (const entry of fs.readdirSync(wsDir)) visit(path.join(wsDir, entry));
  }
  return [...new Set(found)];
}

function loads(dir) {
  const probe = `const D = require(${JSON.stringify(dir)}); new D(':memory:').prepare('select 1 as x').get();`;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  return { ok: r.status === 0, error: (r.stderr || '').split('\n').find(l => /Error|error/.test(l)) };
}

function headersDir() {
  // Node ships its headers beside its binary (…/bin/node -> …/include/node). The `node` npm
  // package keeps a copy of the binary in node_modules/node/bin and the headers in its
  // platform package (node_modules/node/node_modules/node-<platform>-<arch>).
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  const candidates = [
    prefix,
    path.join(prefix, 'node_modules', `node-${process.platform}-${process.arch}`),
  ];
  return candidates.find(dir => fs.existsSync(path.join(dir, 'include', 'node', 'node.h')));
}

let failed = false;
for (const name of NATIVE_MODULES) {
  for (const dir of findPackageDirs(name)) {
    const rel = path.relative(root, dir);
    const before = loads(dir);
    if (before.ok) {
      console.log(`[build-native] ${rel}: loads in Node ${process.version}`);
      continue;
    }
    const nodedir = headersDir();
    if (!nodedir) {
      console.error(`[build-native] ${rel} does not load (${before.error}) and no Node headers were found beside ${process.execPath}`);
      failed = true;
      continue;
    }
    console.log(`[build-native] building ${rel} for Node ${process.version} (~60 s, once)`);
    const gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] });
    const r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--nodedir=${nodedir}`, `--jobs=${require('node:os').cpus().length}`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, npm_config_nodedir: nodedir },
    });
    const after = loads(dir);
    if (r.status !== 0 || !after.ok) {
      console.error(`${r.stdout}\n${r.stderr}`.split('\n').slice(-40).join('\n'));
      console.error(`[build-native] ${rel}: build failed (${after.error || `node-gyp exit ${r.status}`})`);
      failed = true;
    } else {
      console.log(`[build-native] ${rel}: built and loads in Node ${process.version}`);
    }
  }
}
if (!failed) require('./install-stamp').writeStamp(root);
process.exit(failed ? 1 : 0);

#!/usr/bin/env node
'use strict';
/*
 * `npm run bench:engine [-- --namespaces N] [--runs R]`: the engine against a seeded synthetic
 * cluster dump (bench/engine/generate.js). On the same dump it times, each in its own process:
 *   1. bare JSON.parse of the dump (the floor: any audit must read it),
 *   2. the full `prodready audit --format json` (every check of the catalog; the CLI bundled with
 *      esbuild the way it ships),
 *   3. the seed's six-check jq self-audit (bench/engine/seed-self-audit.sh) when jq is installed,
 * and prints wall time, objects per second, peak RSS (GNU time, else the child's own report), and
 * the ratios against the targets (audit <= 0.15x jq, <= 2x bare parse, peak RSS < 1.5 GB).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const namespaces = Number(flag('--namespaces', '1000'));
const runs = Number(flag('--runs', '3'));
const outDir = path.join(root, 'bench/output');
fs.mkdirSync(outDir, { recursive: true });
const dump = path.join(outDir, `cluster-${namespaces}.json`);

function sh(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  if (r.error) throw r.error;
  return r;
}

// 1. The dump (seeded: regenerated only when missing).
let meta;
if (!fs.existsSync(dump)) {
  console.log(`generating ${path.relative(root, dump)} (${namespaces} namespaces)`);
  const r = sh(process.execPath, [path.join(__dirname, 'generate.js'), '--namespaces', String(namespaces), '--out', dump], { stdio: ['ignore', 'pipe', 'inherit'] });
  meta = JSON.parse(r.stdout.trim().split('\n').pop());
} else {
  const head = fs.readFileSync(dump, 'utf8');
  const parsed = JSON.parse(head);
  meta = { objects: parsed.items.length, pods: parsed.items.filter(o => o.kind === 'Pod').length, bytes: fs.statSync(dump).size };
}
console.log(`dump: ${meta.objects} objects (${meta.pods} pods), ${(meta.bytes / 1e6).toFixed(0)} MB, ${namespaces} namespaces`);

// 2. The CLI as it ships: one bundled file.
const bundle = path.join(outDir, 'prodready.cjs');
const esbuild = require(require.resolve('esbuild', { paths: [root] }));
esbuild.buildSync({
  stdin: { contents: "require('./packages/cli/src').main(process.argv);", resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'error',
  external: ['better-sqlite3', 'pg', 'cpu-features', 'ssh2'],
});

const hasGnuTime = fs.existsSync('/usr/bin/time');
function measure(label, cmd, argv) {
  const times = [];
  let rssKb = 0;
  let status;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const r = hasGnuTime
      ? sh('/usr/bin/time', ['-f', '%M', cmd, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] })
      : sh(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    status = r.status;
    if (hasGnuTime) rssKb = Math.max(rssKb, Number(r.stderr.trim().split('\n').pop()));
    times.push(seconds);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return { label, seconds: median, min: times[0], rssMb: rssKb / 1024, status };
}

const node = process.execPath;
const results = [];
results.push(measure('bare JSON.parse', node, ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(dump)}, 'utf8'))`]));
const audit = measure('prodready audit --format json', node, [bundle, 'audit', dump, '--format', 'json', '--fail-on', 'never']);
if (audit.status !== 0) {
  console.error(`prodready audit exited ${audit.status}`);
  process.exit(1);
}
results.push(audit);
const jq = spawnSync('jq', ['--version']).status === 0;
if (jq) results.push(measure('seed jq self-audit (6 checks)', 'bash', [path.join(__dirname, 'seed-self-audit.sh'), dump]));
else console.log('jq is not installed: the seed self-audit baseline is not measured (apt-get install -y jq)');

console.log(`\n${runs} run(s) each, median wall time; node ${process.version}, ${require('node:os').cpus().length} cores\n`);
console.log('| what | wall s | objects/s | peak RSS MB |');
console.log('|---|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.label} | ${r.seconds.toFixed(2)} | ${Math.round(meta.objects / r.seconds).toLocaleString('en')} | ${hasGnuTime ? r.rssMb.toFixed(0) : 'n/a'} |`);
}
const parse = results[0].seconds;
const ratioParse = audit.seconds / parse;
console.log(`\naudit / bare parse: ${ratioParse.toFixed(2)}x (target <= 2x: ${ratioParse <= 2 ? 'met' : 'MISSED'})`);
if (jq) {
  const ratioJq = audit.seconds / results[2].seconds;
  console.log(`audit / jq self-audit: ${ratioJq.toFixed(3)}x (target <= 0.15x: ${ratioJq <= 0.15 ? 'met' : 'MISSED'})`);
}
if (hasGnuTime) console.log(`audit peak RSS: ${audit.rssMb.toFixed(0)} MB (target < 1536 MB: ${audit.rssMb < 1536 ? 'met' : 'MISSED'})`);

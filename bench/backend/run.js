#!/usr/bin/env node
'use strict';
/*
 * Prodready backend benchmark: the real readiness plugin in a real Backstage backend, reading fake
 * Kubernetes clusters over HTTP, on SQLite and on PostgreSQL.
 *
 *   npm run bench:backend               # 3 clusters, 100k pods, 10k workloads; 1,000 then 10,000 entities
 *   npm run bench:backend -- --quick    # a small smoke run (about a minute)
 *   options: --db sqlite|pg|both (default both) --duration <s> (load per endpoint, default 30)
 *            --concurrency <n> (default 50) --profile (CPU profile of the backend)
 *            --backend-heap <MB> (V8 old-space cap of the backend, like --max-old-space-size)
 *
 * Three processes besides this one, so that none measures another's work:
 *   clusters.js  the fake clusters (kube-api-double on 127.0.0.1), objects from bench/engine/generate.js
 *   backend.js   createBackend() + the readiness plugin (one per database), catalog in memory
 *   load.js      the concurrent clients (bounded loops on 127.0.0.1 that stop by themselves)
 *
 * PostgreSQL: 127.0.0.1:5432, user postgres, trust auth. A dedicated database
 * (prodready_bench_<pid>) is created for the run (plugins get schemas in it) and dropped at the end.
 */
const { fork } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const argv = process.argv.slice(2);
const flag = name => argv.includes(`--${name}`);
const option = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};

const QUICK = flag('quick');
const SETTINGS = {
  clusters: 3,
  pods: QUICK ? 6_000 : 100_000,
  workloads: QUICK ? 600 : 10_000,
  /** Entity counts, in order; the last one is also used for the latency runs. */
  entitySteps: QUICK ? [100, 600] : [1_000, 10_000],
  concurrency: Number(option('concurrency', 50)),
  durationMs: Number(option('duration', QUICK ? 5 : 30)) * 1000,
  warmupMs: QUICK ? 1000 : 3000,
  databases: { sqlite: ['sqlite'], pg: ['pg'], both: ['sqlite', 'pg'] }[
    option('db', 'both')
  ],
  cycleTimeoutMs: 15 * 60 * 1000,
  /** Kinds a per-entity fan-out would list per entity and cluster. */
  fanOutKinds: 13,
};
const TARGETS = {
  entityP95Ms: 20,
  scorecardP95Ms: 100,
  cycleSeconds: 30,
  rssMb: 1536,
};

if (!SETTINGS.databases) {
  console.error('--db must be sqlite, pg or both');
  process.exit(2);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-bench-'));
const children = new Set();
const fmt = n =>
  typeof n === 'number' && Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: 1 })
    : String(n ?? '-');
const ms = n => (Number.isFinite(n) ? n.toFixed(1) : '-');
const log = message =>
  console.log(
    `[bench ${((Date.now() - T0) / 1000).toFixed(0).padStart(4)} s] ${message}`,
  );
const T0 = Date.now();

/** Options too large for an environment variable (thousands of entity names) go through a file. */
function optionsFile(name, options) {
  const file = path.join(workDir, `${name}.options.json`);
  fs.writeFileSync(file, JSON.stringify(options));
  return file;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A child process with IPC; its output goes to a log file in the work directory. */
function startChild(script, { name, args = [], env = {}, execArgv = [] }) {
  const logFile = path.join(workDir, `${name}.log`);
  const out = fs.openSync(logFile, 'a');
  const child = fork(path.join(__dirname, script), args, {
    cwd: root,
    env: { ...process.env, ...env },
    execArgv,
    stdio: ['ignore', out, out, 'ipc'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const waiters = [];
  child.on('message', message => {
    const i = waiters.findIndex(
      w => w.type === message.type || message.type === 'error',
    );
    if (i >= 0) {
      const [waiter] = waiters.splice(i, 1);
      if (message.type === 'error')
        waiter.reject(new Error(`${name}: ${message.message}`));
      else waiter.resolve(message);
    }
  });
  child.on('exit', code => {
    for (const w of waiters.splice(0))
      w.reject(new Error(`${name} exited (${code}); see ${logFile}`));
  });
  const wait = (type, timeoutMs) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `${name}: no '${type}' within ${timeoutMs} ms; see ${logFile}`,
            ),
          ),
        timeoutMs,
      );
      waiters.push({
        type,
        resolve: v => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: e => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  const request = (message, replyType, timeoutMs) => {
    const reply = wait(replyType, timeoutMs);
    child.send(message);
    return reply;
  };
  return { child, wait, request, logFile };
}

function stopChild(handle, message) {
  return new Promise(resolve => {
    if (!handle || handle.child.exitCode !== null) return resolve();
    const timer = setTimeout(() => {
      handle.child.kill('SIGKILL');
      resolve();
    }, 20_000);
    handle.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (message && handle.child.connected) handle.child.send(message);
    else handle.child.kill('SIGTERM');
  });
}

async function withPostgres(fn) {
  const { Client } = require(path.join(root, 'node_modules/pg'));
  const admin = () =>
    new Client({
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      database: 'postgres',
    });
  const name = `prodready_bench_${process.pid}`;
  const client = admin();
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name}`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  try {
    return await fn(name);
  } finally {
    const dropper = admin();
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
    log(`dropped database ${name}`);
  }
}

function runLoad({
  port,
  token,
  paths,
  label,
  concurrency = SETTINGS.concurrency,
  durationMs = SETTINGS.durationMs,
}) {
  return new Promise((resolve, reject) => {
    const logFile = path.join(workDir, `load-${label}.log`);
    const child = fork(path.join(__dirname, 'load.js'), [], {
      cwd: root,
      env: {
        ...process.env,
        BENCH_LOAD_OPTIONS: optionsFile(`load-${label}`, {
          port,
          token,
          paths,
          concurrency,
          durationMs,
          warmupMs: SETTINGS.warmupMs,
          timeoutMs: 10_000,
        }),
      },
      stdio: ['ignore', 'pipe', fs.openSync(logFile, 'a'), 'ipc'],
    });
    children.add(child);
    let output = '';
    child.stdout.on('data', chunk => {
      output += chunk;
    });
    child.on('exit', code => {
      children.delete(child);
      const line = output.trim().split('\n').pop();
      if (code !== 0 || !line)
        return reject(
          new Error(`load ${label} exited ${code}; see ${logFile}`),
        );
      resolve(JSON.parse(line));
    });
  });
}

function interleave(idsByCluster) {
  const out = [];
  const longest = Math.max(...idsByCluster.map(ids => ids.length));
  for (let i = 0; i < longest; i++)
    for (const ids of idsByCluster) if (i < ids.length) out.push(ids[i]);
  return out;
}

async function benchDatabase(db, clusters, ids) {
  const run = async database => {
    const port = await freePort();
    const token = crypto.randomBytes(24).toString('hex');
    // Nothing else talks to the clusters: counting starts now, before the first (automatic) cycle.
    await clusters.handle.request({ type: 'reset' }, 'reset', 10_000);
    const backend = startChild('backend.js', {
      name: `backend-${db}`,
      // --profile: a CPU profile of the backend process (written when it stops) in the log directory.
      execArgv: [
        '--expose-gc',
        ...(flag('profile') ? ['--cpu-prof', `--cpu-prof-dir=${workDir}`] : []),
        // --backend-heap <MB>: cap V8's old space, as NODE_OPTIONS=--max-old-space-size would in a deployment.
        ...(option('backend-heap')
          ? [`--max-old-space-size=${option('backend-heap')}`]
          : []),
      ],
      env: {
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        BENCH_BACKEND_OPTIONS: optionsFile(`backend-${db}`, {
          port,
          token,
          database,
          clusters: clusters.info,
          clusterToken: clusters.token,
          ids,
          firstEntities: SETTINGS.entitySteps[0],
          cycleTimeoutMs: SETTINGS.cycleTimeoutMs,
        }),
      },
    });
    try {
      const started = await backend.wait('started', 120_000);
      log(
        `${db}: backend started on 127.0.0.1:${port} in ${started.startMs} ms (log ${backend.logFile})`,
      );
      const cycles = [];
      const steps = [];
      SETTINGS.entitySteps.forEach((count, i) =>
        steps.push({ count, label: i === 0 ? 'first' : 'new entities' }),
      );
      // The largest count once more: the steady state (every entity already has a report).
      steps.push({
        count: SETTINGS.entitySteps[SETTINGS.entitySteps.length - 1],
        label: 'steady',
      });
      for (const [i, step] of steps.entries()) {
        if (i > 0)
          await clusters.handle.request({ type: 'reset' }, 'reset', 10_000);
        const cycle = await backend.request(
          { type: 'cycle', entities: step.count, first: i === 0 },
          'cycle',
          SETTINGS.cycleTimeoutMs + 30_000,
        );
        const served = await clusters.handle.request(
          { type: 'requests' },
          'requests',
          10_000,
        );
        cycle.serverRequests = Object.values(served.byCluster).reduce(
          (a, b) => a + b,
          0,
        );
        cycle.label = step.label;
        cycles.push(cycle);
        log(
          `${db}: ${fmt(step.count)} entities (${
            cycle.label
          }): cycle ${cycle.cycleSeconds.toFixed(1)} s, ` +
            `${cycle.serverRequests} requests to the clusters, ${fmt(
              cycle.objects,
            )} objects, ` +
            `${fmt(cycle.evaluated)} evaluated (${fmt(
              cycle.noGo,
            )} no-go), peak RSS ${cycle.maxRssMb} MB, ` +
            `live heap after the cycle ${cycle.liveHeapMb} MB, ` +
            `slowest metrics collection ${cycle.slowestCollectionMs.toFixed(
              0,
            )} ms`,
        );
      }

      const names = ids.slice(
        0,
        SETTINGS.entitySteps[SETTINGS.entitySteps.length - 1],
      );
      const entityPaths = names.map(
        n =>
          `/api/readiness/entities/component/default/${encodeURIComponent(n)}`,
      );
      const scorecardPaths = [];
      for (let t = 0; t < 37; t++) {
        // Half: one owner's production services, worst first (the group page).
        scorecardPaths.push(
          `/api/readiness/scorecard?owner=team-${t}&lifecycle=production&sort=score&order=asc&limit=25`,
        );
        // Half: the org-wide ranking of production services, one of its first ten pages.
        scorecardPaths.push(
          `/api/readiness/scorecard?lifecycle=production&sort=score&order=asc&limit=25&offset=${
            (t % 10) * 25
          }`,
        );
      }
      log(
        `${db}: GET /entities/:kind/:namespace/:name, ${
          SETTINGS.concurrency
        } clients, ${SETTINGS.durationMs / 1000} s`,
      );
      const entity = await runLoad({
        port,
        token,
        paths: entityPaths,
        label: `${db}-entity`,
      });
      log(
        `${db}:   p50 ${ms(entity.p50)} ms, p95 ${ms(entity.p95)} ms, p99 ${ms(
          entity.p99,
        )} ms, ${fmt(entity.rps)} req/s, ${entity.errors} errors, ${fmt(
          entity.meanBytes / 1024,
        )} KiB per answer`,
      );
      log(
        `${db}: GET /scorecard (filtered, sorted, paged), ${
          SETTINGS.concurrency
        } clients, ${SETTINGS.durationMs / 1000} s`,
      );
      const scorecard = await runLoad({
        port,
        token,
        paths: scorecardPaths,
        label: `${db}-scorecard`,
      });
      log(
        `${db}:   p50 ${ms(scorecard.p50)} ms, p95 ${ms(
          scorecard.p95,
        )} ms, p99 ${ms(scorecard.p99)} ms, ${fmt(scorecard.rps)} req/s, ${
          scorecard.errors
        } errors, ${fmt(scorecard.meanBytes / 1024)} KiB per answer`,
      );
      // One client, no queue: the time the server takes for one request.
      const singleMs = QUICK ? 2000 : 5000;
      const entitySingle = await runLoad({
        port,
        token,
        paths: entityPaths,
        label: `${db}-entity-1`,
        concurrency: 1,
        durationMs: singleMs,
      });
      const scorecardSingle = await runLoad({
        port,
        token,
        paths: scorecardPaths,
        label: `${db}-scorecard-1`,
        concurrency: 1,
        durationMs: singleMs,
      });
      log(
        `${db}: one client: entity p50 ${ms(entitySingle.p50)} ms p95 ${ms(
          entitySingle.p95,
        )} ms; scorecard p50 ${ms(scorecardSingle.p50)} ms p95 ${ms(
          scorecardSingle.p95,
        )} ms`,
      );
      const memory = await backend.request(
        { type: 'memory' },
        'memory',
        10_000,
      );
      return {
        db,
        cycles,
        entity,
        scorecard,
        entitySingle,
        scorecardSingle,
        memory,
      };
    } finally {
      await stopChild(backend, { type: 'stop' });
    }
  };

  if (db === 'sqlite') {
    // Files, as a deployment would have them (an in-memory database would count in the backend's RSS).
    const directory = path.join(workDir, 'sqlite');
    fs.mkdirSync(directory, { recursive: true });
    try {
      return await run({ client: 'better-sqlite3', connection: { directory } });
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  }
  return withPostgres(name =>
    run({
      client: 'pg',
      connection: {
        host: '127.0.0.1',
        port: 5432,
        user: 'postgres',
        database: name,
      },
      pluginDivisionMode: 'schema',
    }),
  );
}

function table(headers, rows) {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map(r => String(r[i]).length)),
  );
  const line = cells =>
    cells
      .map((c, i) =>
        i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]),
      )
      .join('  ');
  return [
    line(headers),
    widths.map(w => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

function report(setup, results) {
  const lines = [];
  lines.push('');
  lines.push('='.repeat(100));
  lines.push(
    `Prodready backend benchmark${QUICK ? ' (--quick)' : ''}: ${
      setup.clusters.length
    } clusters, ${fmt(setup.pods)} pods, ` +
      `${fmt(setup.workloads)} workloads, ${fmt(setup.objects)} objects; Node ${
        process.version
      }, ${os.cpus().length} CPUs`,
  );
  lines.push('='.repeat(100));
  lines.push('');
  lines.push('Evaluation cycles');
  const cycleRows = [];
  for (const r of results) {
    for (const c of r.cycles) {
      cycleRows.push([
        r.db,
        fmt(c.entities),
        c.label,
        c.cycleSeconds.toFixed(1),
        fmt(c.serverRequests),
        fmt(c.entities * setup.clusters.length * SETTINGS.fanOutKinds),
        fmt(c.objects),
        `${fmt(c.evaluated)} / ${fmt(c.reports)}`,
        fmt(c.noGo),
        fmt(c.maxRssMb),
        fmt(c.liveHeapMb),
      ]);
    }
  }
  lines.push(
    table(
      [
        'db',
        'entities',
        'cycle',
        'seconds',
        'requests',
        'per-entity fan-out',
        'objects read',
        'evaluated / reports',
        'no-go',
        'peak RSS MB',
        'live heap MB',
      ],
      cycleRows,
    ),
  );
  lines.push('');
  lines.push(
    `Latency under ${SETTINGS.concurrency} concurrent clients for ${
      SETTINGS.durationMs / 1000
    } s each, then one client ` +
      `(${fmt(
        SETTINGS.entitySteps[SETTINGS.entitySteps.length - 1],
      )} entities)`,
  );
  const latencyRows = [];
  for (const r of results) {
    for (const [name, clients, l] of [
      ['GET /entities/:kind/:ns/:name', SETTINGS.concurrency, r.entity],
      ['GET /scorecard (filtered, sorted)', SETTINGS.concurrency, r.scorecard],
      ['GET /entities/:kind/:ns/:name', 1, r.entitySingle],
      ['GET /scorecard (filtered, sorted)', 1, r.scorecardSingle],
    ]) {
      latencyRows.push([
        r.db,
        name,
        clients,
        fmt(l.requests),
        fmt(l.rps),
        fmt(l.errors),
        ms(l.p50),
        ms(l.p95),
        ms(l.p99),
        ms(l.max),
      ]);
    }
  }
  lines.push(
    table(
      [
        'db',
        'endpoint',
        'clients',
        'requests',
        'req/s',
        'errors',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
      ],
      latencyRows,
    ),
  );
  lines.push(
    `(with one client: one request at a time, no queue; with ${SETTINGS.concurrency} closed-loop clients a request waits for ` +
      `the ones ahead of it, so p50 is about ${SETTINGS.concurrency} / (req/s))`,
  );
  lines.push('');
  lines.push('Targets');
  const targetRows = [];
  const verdict = ok => (ok ? 'PASS' : 'MISS');
  for (const r of results) {
    const byCount = new Map();
    for (const c of r.cycles)
      byCount.set(c.entities, [
        ...(byCount.get(c.entities) ?? []),
        c.serverRequests,
      ]);
    const requestCounts = r.cycles.map(c => c.serverRequests);
    const independent =
      Math.max(...requestCounts) - Math.min(...requestCounts) <=
      setup.clusters.length; // a retry or two at most
    targetRows.push([
      r.db,
      'requests per cycle independent of entity count',
      [...byCount]
        .map(([n, reqs]) => `${fmt(n)}: ${reqs.join(', ')}`)
        .join('; '),
      verdict(independent),
    ]);
    const largest = r.cycles.filter(
      c => c.entities === SETTINGS.entitySteps[SETTINGS.entitySteps.length - 1],
    );
    const worstCycle = Math.max(...largest.map(c => c.cycleSeconds));
    targetRows.push([
      r.db,
      `full cycle <= ${TARGETS.cycleSeconds} s`,
      `${worstCycle.toFixed(1)} s (slowest at ${fmt(largest[0].entities)})`,
      verdict(worstCycle <= TARGETS.cycleSeconds),
    ]);
    const peak = Math.max(r.memory.maxRssMb, ...r.cycles.map(c => c.maxRssMb));
    targetRows.push([
      r.db,
      `peak RSS < ${TARGETS.rssMb} MB`,
      `${fmt(peak)} MB`,
      verdict(peak < TARGETS.rssMb),
    ]);
    targetRows.push([
      r.db,
      `entity report p95 <= ${TARGETS.entityP95Ms} ms`,
      `${ms(r.entity.p95)} ms, ${r.entity.errors} errors`,
      verdict(r.entity.p95 <= TARGETS.entityP95Ms && r.entity.errors === 0),
    ]);
    targetRows.push([
      r.db,
      `scorecard page p95 <= ${TARGETS.scorecardP95Ms} ms`,
      `${ms(r.scorecard.p95)} ms, ${r.scorecard.errors} errors`,
      verdict(
        r.scorecard.p95 <= TARGETS.scorecardP95Ms && r.scorecard.errors === 0,
      ),
    ]);
  }
  lines.push(table(['db', 'target', 'measured', ''], targetRows));
  lines.push('');
  lines.push(
    `"per-entity fan-out" = entities x clusters x ${SETTINGS.fanOutKinds} kinds: what listing per entity would cost. ` +
      '"requests" were counted by the fake API servers.',
  );
  lines.push(`Logs: ${workDir}`);
  return lines.join('\n');
}

async function main() {
  log(
    `generating ${SETTINGS.clusters} clusters (${fmt(
      SETTINGS.pods,
    )} pods, ${fmt(SETTINGS.workloads)} workloads)...`,
  );
  const clusterToken = crypto.randomBytes(16).toString('hex');
  const handle = startChild('clusters.js', {
    name: 'clusters',
    args: [
      '--clusters',
      String(SETTINGS.clusters),
      '--pods',
      String(SETTINGS.pods),
      '--workloads',
      String(SETTINGS.workloads),
      '--token',
      clusterToken,
    ],
    execArgv: ['--max-old-space-size=8192'],
  });
  const ready = await handle.wait('ready', 300_000);
  const setup = {
    clusters: ready.clusters,
    pods: ready.clusters.reduce((a, c) => a + c.pods, 0),
    workloads: ready.clusters.reduce((a, c) => a + c.workloads, 0),
    objects: ready.clusters.reduce((a, c) => a + c.objects, 0),
  };
  log(
    `clusters ready: ${ready.clusters
      .map(c => `${c.name} ${fmt(c.objects)} objects at ${c.url}`)
      .join('; ')}`,
  );
  const idsByCluster = ready.clusters.map(c =>
    ready.ids.filter(id => id.startsWith(`c${c.name.split('-')[1]}-`)),
  );
  const ids = interleave(idsByCluster);
  const clusters = {
    handle,
    info: ready.clusters.map(c => ({ name: c.name, url: c.url })),
    token: clusterToken,
  };

  const results = [];
  try {
    for (const db of SETTINGS.databases) {
      results.push(await benchDatabase(db, clusters, ids));
    }
  } finally {
    await stopChild(handle, { type: 'close' });
  }
  console.log(report(setup, results));
  log('done');
}

async function cleanup(code) {
  for (const child of children) child.kill('SIGKILL');
  process.exit(code);
}
process.on('SIGINT', () => cleanup(130));
process.on('SIGTERM', () => cleanup(143));

main().catch(async e => {
  console.error(`bench failed: ${e.stack ?? e}`);
  console.error(`logs: ${workDir}`);
  await cleanup(1);
});

'use strict';
/*
 * Child process of bench/backend/run.js: N concurrent clients, each sending one request after the
 * other to 127.0.0.1 until the time is up (then they stop by themselves), over keep-alive
 * connections. Latency is measured per request from send to the last byte of the body; the first
 * `warmupMs` are not recorded. Prints one JSON line with the figures.
 *
 * Options (a JSON file named by env BENCH_LOAD_OPTIONS): { port, token, paths: string[], concurrency, durationMs,
 * warmupMs, timeoutMs }
 */
const http = require('node:http');

const options = JSON.parse(
  require('node:fs').readFileSync(process.env.BENCH_LOAD_OPTIONS, 'utf8'),
);
const agent = new http.Agent({
  keepAlive: true,
  maxSockets: options.concurrency,
});

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function get(path) {
  return new Promise(resolve => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.port,
        path,
        method: 'GET',
        agent,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
        },
      },
      res => {
        let bytes = 0;
        res.on('data', chunk => {
          bytes += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode, bytes }));
        res.on('error', error => resolve({ error }));
      },
    );
    req.setTimeout(options.timeoutMs, () =>
      req.destroy(new Error(`timed out after ${options.timeoutMs} ms`)),
    );
    req.on('error', error => resolve({ error }));
    req.end();
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

async function main() {
  const started = performance.now();
  const recordFrom = started + options.warmupMs;
  const end = recordFrom + options.durationMs;
  const latencies = [];
  const statuses = {};
  const errorSamples = [];
  let errors = 0;
  let bytes = 0;

  const client = async index => {
    const random = mulberry32(1000 + index);
    while (performance.now() < end) {
      const path = options.paths[Math.floor(random() * options.paths.length)];
      const t0 = performance.now();
      const result = await get(path);
      const t1 = performance.now();
      if (t0 < recordFrom) continue;
      latencies.push(t1 - t0);
      if (result.error || result.status !== 200) {
        errors += 1;
        if (errorSamples.length < 5)
          errorSamples.push(
            result.error ? result.error.message : `${result.status} ${path}`,
          );
      }
      if (result.status)
        statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      bytes += result.bytes ?? 0;
    }
  };
  await Promise.all(
    Array.from({ length: options.concurrency }, (_, i) => client(i)),
  );
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const seconds = options.durationMs / 1000;
  process.stdout.write(
    `${JSON.stringify({
      requests: latencies.length,
      errors,
      errorSamples,
      statuses,
      rps: latencies.length / seconds,
      meanBytes: latencies.length ? bytes / latencies.length : 0,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1],
    })}\n`,
  );
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});

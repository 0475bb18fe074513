import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createKubeApiDouble,
  loadObjectsFromDirectory,
} from '@prodready/kube-api-double';
import { FIXTURES, NOW } from './__testUtils__/cli';

const REPO = path.resolve(__dirname, '../../..');
const BIN = path.resolve(__dirname, '../bin/prodready');
const PROD_EU = path.join(REPO, 'examples/clusters/prod-eu');

function withoutColorSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...rest } = env;
  return rest;
}

/** Runs the real executable, as CI would, with the Node that runs the tests. */
function prodready(
  args: string[],
  options: { input?: string; cwd?: string } = {},
) {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? FIXTURES,
    input: options.input,
    encoding: 'utf8',
    env: withoutColorSettings(process.env),
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('the prodready executable (end to end)', () => {
  jest.setTimeout(180_000);

  it('audits the fixture, prints json, exits 1 on no-go and 0 with --fail-on never', () => {
    const run = prodready([
      'audit',
      'shop',
      'catalog-info.yaml',
      '--format',
      'json',
      '--now',
      NOW,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.summary).toMatchObject({
      verdict: 'no-go',
      entityRef: 'component:default/cart',
    });
    expect(json.workloads.map((w: any) => w.ref.name)).toEqual([
      'cart',
      'cart-worker',
      'checkout',
    ]);

    const never = prodready([
      'audit',
      'shop',
      '--fail-on',
      'never',
      '--now',
      NOW,
    ]);
    expect(never.code).toBe(0);
    expect(never.stdout).toContain('gate --fail-on never: passed');
  });

  it('reads helm template output from standard input', () => {
    const input = ['shop/00-namespace.yaml', 'shop/checkout.yaml']
      .map(f => fs.readFileSync(path.join(FIXTURES, f), 'utf8'))
      .join('---\n');
    const run = prodready(['audit', '-', '--format', 'junit', '--now', NOW], {
      input,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<testsuite name="Deployment shop/checkout"');
  });

  it('audits a live cluster with --kubeconfig and exits when done', async () => {
    const double = await createKubeApiDouble({
      objects: loadObjectsFromDirectory(path.join(FIXTURES, 'shop')),
    });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-e2e-'));
    try {
      const config = path.join(tmp, 'kubeconfig');
      fs.writeFileSync(
        config,
        `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: '${double.url}', insecure-skip-tls-verify: true } }]
users: [{ name: u, user: {} }]
contexts: [{ name: staging, context: { cluster: c, user: u } }]
current-context: staging
`,
      );
      // Asynchronously: the fake API server answers from this process.
      const { code, stdout, stderr } = await new Promise<{
        code: number | null;
        stdout: string;
        stderr: string;
      }>(resolve => {
        const child = execFile(
          process.execPath,
          [
            BIN,
            'audit',
            '--kubeconfig',
            config,
            '--fail-on',
            'never',
            '--now',
            NOW,
          ],
          {
            cwd: FIXTURES,
            env: withoutColorSettings(process.env),
            timeout: 120_000,
          },
          (_error, out, err) =>
            resolve({ code: child.exitCode, stdout: out, stderr: err }),
        );
      });
      expect(code).toBe(0);
      expect(stdout).toContain('prodready audit of 3 workloads in staging');
      expect(stderr).toMatch(
        /prodready: staging: \d+\/\d+ deployments: 3 objects/,
      );
    } finally {
      await double.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('exits 2 on a usage error', () => {
    const run = prodready(['audit', '--format', 'yaml', 'shop']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'yaml' is invalid");
  });

  if (!fs.existsSync(PROD_EU)) {
    console.warn(
      `SKIPPED: the end-to-end audit of ${PROD_EU}: the folder does not exist`,
    );
  }
  (fs.existsSync(PROD_EU) ? it : it.skip)(
    'audits the example cluster prod-eu with its config, as examples/README.md shows',
    auditProdEu,
  );
});

function auditProdEu() {
  const run = prodready(
    [
      'audit',
      PROD_EU,
      '--config',
      path.join(REPO, 'examples/prodready-config.yaml'),
      '--format',
      'json',
    ],
    { cwd: REPO },
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1); // legacy-admin, recommendations... fail critical checks
  const json = JSON.parse(run.stdout);
  expect(json.summary.verdict).toBe('no-go');
  // Judged as of the snapshot's capture time (.snapshot.yaml), as the answer key assumes.
  expect(json.summary.evaluatedAt).toBe('2026-11-21T09:00:00.000Z');
  expect(json.errors).toEqual([]);

  // Every workload of the answer key is audited, located in its file.
  const key = JSON.parse(
    fs.readFileSync(path.join(REPO, 'examples/answer-key.json'), 'utf8'),
  );
  const expected = Object.values<any>(key.components).flatMap(
    c => c.workloads ?? [],
  );
  const audited = new Map(
    json.workloads.map((w: any) => [
      `${w.ref.kind}/${w.ref.namespace}/${w.ref.name}`,
      w,
    ]),
  );
  for (const w of expected) {
    const found: any = audited.get(`${w.kind}/${w.namespace}/${w.name}`);
    expect(found).toBeDefined();
    expect(found.location.file).toMatch(
      /^examples\/clusters\/prod-eu\/[\w-]+\.yaml$/,
    );
    expect(found.ref.cluster).toBe('manifests');
  }
  // The seed self-audit's questions are answered for the workloads it flags (examples/README.md).
  const status = (name: string, checkId: string) =>
    json.workloads
      .find((w: any) => w.ref.name === name)
      ?.results.find((r: any) => r.checkId === checkId)?.status;
  expect(status('cart', 'disruption-budget')).toBe('fail');
  expect(status('recommendations', 'resource-requests')).toBe('fail');
  expect(status('checkout', 'readiness-probe')).toBe('pass');
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES, NOW, runCli } from '../__testUtils__/cli';

const read = (file: string) =>
  fs.readFileSync(path.join(FIXTURES, file), 'utf8');

async function auditJson(
  args: string[],
  options: Parameters<typeof runCli>[1] = {},
) {
  const run = await runCli(
    ['audit', ...args, '--format', 'json', '--now', NOW],
    options,
  );
  return { ...run, json: run.stdout ? JSON.parse(run.stdout) : undefined };
}

function resultOf(json: any, workload: string, checkId: string) {
  const w = json.workloads.find((x: any) => x.ref.name === workload);
  return w?.results.find((r: any) => r.checkId === checkId);
}

/** A catalog entity whose accepted-risk annotation is malformed: an entity configuration error. */
const BAD_RISK_ENTITY = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  annotations:
    prodready.dev/accept.release-smoke-test: "no hook yet"
spec: { type: service, owner: checkout-team, lifecycle: production }
`;

describe('prodready audit: the gate and exit codes', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-gate-'));
  fs.writeFileSync(
    path.join(tmp, 'smoke-test-high.yaml'),
    'readiness:\n  checks:\n    release-smoke-test:\n      severity: high\n',
  );
  const cases: Array<
    [string, string[], { stdin?: string }, Record<string, number>]
  > = [
    // cart and cart-worker fail critical checks (readiness-probe, image-tag-pinned, ...).
    [
      'the shop (critical failures)',
      ['shop'],
      {},
      { 'no-go': 1, critical: 1, high: 1, never: 0 },
    ],
    // checkout alone fails only low checks (logs-collected, release-smoke-test).
    [
      'checkout alone (low failures)',
      ['shop/00-namespace.yaml', 'shop/checkout.yaml'],
      {},
      { 'no-go': 0, critical: 0, high: 0, never: 0 },
    ],
    // the same with release-smoke-test raised to high by config.
    [
      'checkout with a high failure',
      [
        'shop/00-namespace.yaml',
        'shop/checkout.yaml',
        '--config',
        path.join(tmp, 'smoke-test-high.yaml'),
      ],
      {},
      { 'no-go': 0, critical: 0, high: 1, never: 0 },
    ],
    // an entity configuration error makes the verdict no-go without failing a check.
    [
      'checkout with a malformed accepted risk',
      ['shop/00-namespace.yaml', 'shop/checkout.yaml', '-'],
      { stdin: BAD_RISK_ENTITY },
      { 'no-go': 1, critical: 0, high: 0, never: 0 },
    ],
  ];

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it.each(cases)('%s', async (_name, args, options, expected) => {
    for (const [failOn, code] of Object.entries(expected)) {
      const run = await runCli(
        [
          'audit',
          ...args,
          '--fail-on',
          failOn,
          '--format',
          'json',
          '--now',
          NOW,
        ],
        options,
      );
      expect({ failOn, code: run.code }).toEqual({ failOn, code });
      expect(JSON.parse(run.stdout).gate).toEqual({
        failOn,
        passed: code === 0,
      });
    }
  });

  it('defaults to --fail-on no-go', async () => {
    const { code, json } = await auditJson(['shop']);
    expect(code).toBe(1);
    expect(json.gate.failOn).toBe('no-go');
    expect(json.summary.verdict).toBe('no-go');
  });

  it('counts a check whose accepted risk expired as failing, and a valid one as waived', async () => {
    const { json } = await auditJson(['shop', 'catalog-info.yaml']);
    const digest = resultOf(json, 'cart', 'image-digest-pinned');
    expect(digest.status).toBe('fail');
    expect(digest.waiver).toMatchObject({
      expiresAt: '2026-01-31',
      expired: true,
    });
    const nodePort = resultOf(json, 'cart', 'no-nodeport-exposure');
    expect(nodePort.status).toBe('waived');
    expect(nodePort.waiver).toMatchObject({
      expiresAt: '2099-12-31',
      expired: false,
      source: 'annotation',
    });
  });
});

describe('prodready audit: inputs', () => {
  it('reads a directory recursively and locates each workload in its file', async () => {
    const { json, stderr } = await auditJson(['shop']);
    expect(stderr).toBe('');
    expect(
      json.workloads.map((w: any) => [
        w.ref.kind,
        w.ref.namespace,
        w.ref.name,
        w.location,
      ]),
    ).toEqual([
      ['Deployment', 'shop', 'cart', { file: 'shop/cart.yaml', line: 4 }],
      [
        'Deployment',
        'shop',
        'cart-worker',
        { file: 'shop/cart.yaml', line: 66 },
      ],
      [
        'Deployment',
        'shop',
        'checkout',
        { file: 'shop/checkout.yaml', line: 9 },
      ],
    ]);
    expect(json.summary.cluster).toBe('manifests');
    expect(json.summary.entityRef).toBe('manifests');
  });

  it('reads standard input with -, as helm template output would arrive', async () => {
    const stdin = [
      'shop/00-namespace.yaml',
      'shop/cart.yaml',
      'shop/checkout.yaml',
    ]
      .map(read)
      .join('\n---\n');
    const fromStdin = await auditJson(['-'], { stdin });
    const fromDir = await auditJson(['shop']);
    expect(fromStdin.code).toBe(fromDir.code);
    expect(fromStdin.json.summary).toEqual(fromDir.json.summary);
    expect(fromStdin.json.workloads.map((w: any) => w.location.file)).toEqual([
      '<stdin>',
      '<stdin>',
      '<stdin>',
    ]);
  });

  it('reports a malformed document with file and line, on stderr and in errors, and audits the rest', async () => {
    const { code, json, stderr } = await auditJson(['broken']);
    expect(code).toBe(1); // the gate, not an input error: Deployment web was audited
    expect(json.workloads.map((w: any) => w.ref.name)).toEqual(['web']);
    expect(json.errors).toHaveLength(2);
    expect(json.errors[0]).toMatch(
      /^broken\/manifests\.yaml:1[0-9]: invalid YAML in the document starting at line 10: /,
    );
    expect(json.errors[1]).toMatch(
      /^broken\/only-garbage\.yaml:\d+: invalid YAML/,
    );
    for (const error of json.errors)
      expect(stderr).toContain(`prodready: ${error}\n`);
  });

  it('judges a snapshot directory as of its .snapshot.yaml capturedAt, and reports a bad one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-snapshot-'));
    try {
      fs.copyFileSync(
        path.join(FIXTURES, 'shop/checkout.yaml'),
        path.join(dir, 'checkout.yaml'),
      );
      fs.writeFileSync(
        path.join(dir, '.snapshot.yaml'),
        'cluster: shop\ncapturedAt: 2026-06-01T10:00:00Z\n',
      );
      const run = await runCli(['audit', dir, '-f', 'json']);
      expect(JSON.parse(run.stdout).summary.evaluatedAt).toBe(
        '2026-06-01T10:00:00.000Z',
      );
      const pinned = await runCli(['audit', dir, '-f', 'json', '--now', NOW]);
      expect(JSON.parse(pinned.stdout).summary.evaluatedAt).toBe(
        '2026-11-21T09:00:00.000Z',
      );

      fs.writeFileSync(
        path.join(dir, '.snapshot.yaml'),
        'capturedAt: last tuesday\n',
      );
      const bad = await runCli(['audit', dir, '-f', 'json']);
      expect(JSON.parse(bad.stdout).errors).toEqual([
        expect.stringMatching(
          /\.snapshot\.yaml: capturedAt must be an ISO-8601 time, got "last tuesday"$/,
        ),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes a catalog entity from the input: entity checks run, its annotations are accepted risks', async () => {
    const without = await auditJson(['shop']);
    expect(without.json.summary.skippedChecks).toEqual([
      'slo-defined',
      'oncall-defined',
      'rpo-rto-declared',
      'runbook-linked',
    ]);
    expect(resultOf(without.json, 'cart', 'oncall-defined')).toBeUndefined();

    const { json } = await auditJson(['shop', 'catalog-info.yaml']);
    expect(json.summary.entityRef).toBe('component:default/cart');
    expect(json.summary.skippedChecks).toEqual([]);
    expect(resultOf(json, 'cart', 'oncall-defined').status).toBe('pass');
    expect(resultOf(json, 'cart', 'runbook-linked').status).toBe('pass');
    expect(
      json.summary.acceptedRisks.map((r: any) => r.checkId).sort(),
    ).toEqual(['image-digest-pinned', 'no-nodeport-exposure']);
    // The catalog entity is not a Kubernetes object: no workload, no error.
    expect(json.workloads).toHaveLength(3);
    expect(json.errors).toEqual([]);
  });
});

describe('prodready audit --config', () => {
  it('applies the readiness block: a disabled check, a new severity, options, level names, domain weights', async () => {
    const base = await auditJson(['shop']);
    const { json, code } = await auditJson([
      'shop',
      '--config',
      'prodready.yaml',
    ]);
    expect(code).toBe(1);

    // image-tag-pinned: enabled: false -> not run.
    expect(resultOf(base.json, 'cart', 'image-tag-pinned').status).toBe('fail');
    expect(resultOf(json, 'cart', 'image-tag-pinned')).toBeUndefined();
    expect(json.summary.checks.map((c: any) => c.checkId)).not.toContain(
      'image-tag-pinned',
    );

    // readiness-probe: severity high -> still failing, no longer a blocker.
    expect(resultOf(json, 'cart', 'readiness-probe')).toMatchObject({
      status: 'fail',
      severity: 'high',
    });
    expect(base.json.summary.blockers.map((b: any) => b.checkId)).toContain(
      'readiness-probe',
    );
    expect(json.summary.blockers.map((b: any) => b.checkId)).not.toContain(
      'readiness-probe',
    );

    // image-registry-allowed: registries [ghcr.io] -> the worker's Docker Hub image fails.
    expect(
      resultOf(base.json, 'cart-worker', 'image-registry-allowed').status,
    ).toBe('not-applicable');
    expect(resultOf(json, 'cart-worker', 'image-registry-allowed').status).toBe(
      'fail',
    );
    expect(resultOf(json, 'checkout', 'image-registry-allowed').status).toBe(
      'pass',
    );

    expect(json.summary.domains.security.weight).toBe(2);
  });

  it('renames levels', async () => {
    const { json } = await auditJson([
      'shop/00-namespace.yaml',
      'shop/checkout.yaml',
      '--config',
      'prodready.yaml',
    ]);
    expect(json.summary.level).toBe('silver');
    expect(json.summary.levelName).toBe('Silver');
    const table = await runCli([
      'audit',
      'shop',
      '--config',
      'prodready.yaml',
      '--now',
      NOW,
    ]);
    expect(table.stdout).toContain('level None');
  });

  it('rejects an invalid config naming the file and each key: exit 2', async () => {
    const { code, stdout, stderr } = await runCli([
      'audit',
      'shop',
      '--config',
      'invalid-config.yaml',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'prodready: invalid config file invalid-config.yaml:',
    );
    expect(stderr).toContain(
      'invalid-config.yaml: readiness.checks.readiness-probe.severity: must be one of critical, high, medium, low, got "blocker"',
    );
    expect(stderr).toContain(
      'invalid-config.yaml: readiness.checks.readines-probe: there is no check "readines-probe" (did you mean "readiness-probe"?)',
    );
  });
});

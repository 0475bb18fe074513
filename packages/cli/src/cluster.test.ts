import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createKubeApiDouble,
  KubeApiDouble,
  loadObjectsFromDirectory,
} from '@prodready/kube-api-double';
import { FIXTURES, NOW, runCli } from './__testUtils__/cli';

const TOKEN = 'test-token-7f3a';

function resultOf(json: any, workload: string, checkId: string) {
  return json.workloads
    .find((w: any) => w.ref.name === workload)
    .results.find((r: any) => r.checkId === checkId);
}

function kubeconfig(server: string, contexts = ['shop-cluster']): string {
  return `apiVersion: v1
kind: Config
clusters:
  - name: shop
    cluster:
      server: ${server}
      insecure-skip-tls-verify: true
users:
  - name: ci
    user:
      token: ${TOKEN}
contexts:
${contexts
  .map(c => `  - name: ${c}\n    context: { cluster: shop, user: ci }`)
  .join('\n')}
current-context: ${contexts[0]}
`;
}

describe('prodready audit --kubeconfig (a live cluster)', () => {
  let double: KubeApiDouble;
  let tmp: string;
  let file: string;

  beforeAll(async () => {
    double = await createKubeApiDouble({
      objects: loadObjectsFromDirectory(path.join(FIXTURES, 'shop')),
      token: TOKEN,
    });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prodready-kube-'));
    file = path.join(tmp, 'config');
    fs.writeFileSync(file, kubeconfig(double.url, ['shop-cluster', 'other']));
  });

  afterAll(async () => {
    await double.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('audits the cluster of the current context, named after the context, with one progress line per kind', async () => {
    const { code, stdout, stderr } = await runCli([
      'audit',
      '--kubeconfig',
      file,
      '-f',
      'json',
      '--now',
      NOW,
    ]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.summary.cluster).toBe('shop-cluster');
    expect(
      json.workloads.map((w: any) => `${w.ref.cluster}/${w.ref.name}`),
    ).toEqual([
      'shop-cluster/cart',
      'shop-cluster/cart-worker',
      'shop-cluster/checkout',
    ]);
    expect(json.workloads[0].location).toBeUndefined();
    expect(stderr).toMatch(
      /^prodready: reading cluster shop-cluster: \d+ of \d+ kinds served\n/,
    );
    expect(stderr).toMatch(
      /\nprodready: shop-cluster: \d+\/\d+ deployments: 3 objects in 1 page, \d+ ms\n/,
    );
    expect(stderr).toMatch(
      /\nprodready: shop-cluster: \d+\/\d+ verticalpodautoscalers: missing \(/,
    );
    expect(stderr).toMatch(
      /\nprodready: read \d+ objects of \d+ kinds from cluster shop-cluster in \d+ requests/,
    );
    expect(stderr).not.toContain('\r');
  });

  it('gives the same statuses as the same objects read from files: one engine', async () => {
    const live = JSON.parse(
      (
        await runCli([
          'audit',
          '--kubeconfig',
          file,
          '-f',
          'json',
          '--now',
          NOW,
        ])
      ).stdout,
    );
    const files = JSON.parse(
      (await runCli(['audit', 'shop', '-f', 'json', '--now', NOW])).stdout,
    );
    // One documented difference: a live API server answering 404 for VerticalPodAutoscalers proves
    // none exists, so hpa-vpa-conflict can pass; manifests without VPAs prove nothing (unknown).
    const statuses = (json: any) =>
      json.workloads.map((w: any) => [
        w.ref.name,
        w.results
          .filter((r: any) => r.checkId !== 'hpa-vpa-conflict')
          .map((r: any) => `${r.checkId}=${r.status}`),
      ]);
    expect(statuses(live)).toEqual(statuses(files));
    expect(resultOf(live, 'checkout', 'hpa-vpa-conflict').status).toBe('pass');
    expect(resultOf(files, 'checkout', 'hpa-vpa-conflict').status).toBe(
      'unknown',
    );
    expect(live.summary.verdict).toBe(files.summary.verdict);
    expect(live.summary.level).toBe(files.summary.level);
    expect(live.summary.blockers).toEqual(files.summary.blockers);
  });

  it('uses --context and --cluster-name, and $KUBECONFIG without --kubeconfig', async () => {
    const { code, stdout } = await runCli(
      [
        'audit',
        '--context',
        'other',
        '--cluster-name',
        'prod',
        '-f',
        'json',
        '--now',
        NOW,
      ],
      {
        env: { KUBECONFIG: file },
      },
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout).summary.cluster).toBe('prod');
  });

  it('shows progress in place on a terminal', async () => {
    const { stderr } = await runCli(
      ['audit', '--kubeconfig', file, '-f', 'json', '--now', NOW],
      { tty: true },
    );
    // eslint-disable-next-line no-control-regex
    expect(stderr).toMatch(/\r\u001b\[2K.*\[#+\.*\] \d+\/\d+ kinds/);
    expect(stderr).not.toMatch(/prodready: shop-cluster: \d+\/\d+ deployments/);
  });

  it.each([
    [
      ['--context', 'nope'],
      /--context: there is no context "nope" in .*; contexts: shop-cluster, other/,
    ],
    [
      ['--kubeconfig', 'no/such/kubeconfig'],
      /no kubeconfig: .*no\/such\/kubeconfig does not exist/,
    ],
  ])('%j is a usage error: exit 2', async (args, message) => {
    const { code, stderr } = await runCli(['audit', ...args], {
      env: { KUBECONFIG: file },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('is an input error when the cluster cannot be reached: exit 2', async () => {
    const closed = await createKubeApiDouble();
    const url = closed.url;
    await closed.close();
    const unreachable = path.join(tmp, 'unreachable');
    fs.writeFileSync(unreachable, kubeconfig(url));
    const { code, stderr } = await runCli([
      'audit',
      '--kubeconfig',
      unreachable,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `prodready: cannot read cluster "shop-cluster" at ${url}`,
    );
  });
});

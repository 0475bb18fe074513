import {
  CHECK_SEVERITIES,
  CHECK_STATUSES,
  READINESS_DOMAIN_IDS,
} from '@prodready/plugin-readiness-common';
import { NOW, runCli } from '../__testUtils__/cli';

describe('--format json', () => {
  it('streams the same document compactly to a pipe as it indents for a terminal', async () => {
    const args = ['audit', 'shop', 'catalog-info.yaml', '-f', 'json', '--now', NOW];
    const piped = await runCli(args, { tty: false });
    const terminal = await runCli(args, { tty: true, env: { NO_COLOR: '1' } });
    expect(piped.stdout.split('\n')).toHaveLength(2); // one line and the final newline
    expect(terminal.stdout.split('\n').length).toBeGreaterThan(100);
    expect(JSON.parse(piped.stdout)).toEqual(JSON.parse(terminal.stdout));
  });

  it('prints exactly the contract shape: summary, workloads with ref and results, errors', async () => {
    const { stdout, code } = await runCli([
      'audit',
      'shop',
      'catalog-info.yaml',
      '-f',
      'json',
      '--now',
      NOW,
    ]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['summary', 'workloads', 'errors']),
    );

    const { summary } = json;
    expect(summary.verdict).toBe('no-go');
    expect(typeof summary.score).toBe('number');
    expect(['gold', 'silver', 'bronze', 'none']).toContain(summary.level);
    expect(summary.coverage).toBeGreaterThan(0);
    expect(summary.coverage).toBeLessThanOrEqual(1);
    expect(Object.keys(summary.domains)).toEqual(READINESS_DOMAIN_IDS);
    for (const domain of Object.values<any>(summary.domains)) {
      expect(
        domain.score === null || (domain.score >= 0 && domain.score <= 100),
      ).toBe(true);
    }

    expect(json.workloads).toHaveLength(3);
    for (const workload of json.workloads) {
      expect(Object.keys(workload.ref).sort()).toEqual([
        'cluster',
        'kind',
        'name',
        'namespace',
      ]);
      expect(workload.ref.cluster).toBe('manifests');
      for (const result of workload.results) {
        expect(result).toEqual(
          expect.objectContaining({
            checkId: expect.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
            domain: expect.any(String),
            severity: expect.any(String),
            status: expect.any(String),
            message: expect.any(String),
            evidence: expect.any(Array),
          }),
        );
        expect(READINESS_DOMAIN_IDS).toContain(result.domain);
        expect(CHECK_SEVERITIES).toContain(result.severity);
        expect(CHECK_STATUSES).toContain(result.status);
      }
    }
    expect(json.errors).toEqual([]);
  });

  it('carries the results of the contract example: readiness-probe fails on cart with evidence', async () => {
    const { stdout } = await runCli([
      'audit',
      'shop',
      '-f',
      'json',
      '--now',
      NOW,
    ]);
    const json = JSON.parse(stdout);
    const cart = json.workloads.find((w: any) => w.ref.name === 'cart');
    expect(cart.ref).toEqual({
      cluster: 'manifests',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'cart',
    });
    expect(
      cart.results.find((r: any) => r.checkId === 'readiness-probe'),
    ).toEqual({
      checkId: 'readiness-probe',
      domain: 'packaging-traffic',
      severity: 'critical',
      status: 'fail',
      message: "container 'cart' has no readinessProbe",
      evidence: [
        {
          cluster: 'manifests',
          kind: 'Deployment',
          namespace: 'shop',
          name: 'cart',
          path: 'spec.template.spec.containers[0].readinessProbe',
        },
      ],
    });
    // The summary's blockers and counts agree with the workloads.
    expect(json.summary.blockers.map((b: any) => b.checkId)).toEqual(
      expect.arrayContaining([
        'readiness-probe',
        'image-tag-pinned',
        'disruption-budget',
      ]),
    );
    const failing = json.summary.checks.filter(
      (c: any) => c.status === 'fail',
    ).length;
    expect(json.summary.counts.fail).toBe(failing);
  });
});

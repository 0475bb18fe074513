import { BUILT_IN_CHECKS } from '@prodready/plugin-readiness-node';
import { runCli } from '../__testUtils__/cli';

describe('prodready checks', () => {
  it('lists the catalog in force as a table, by domain', async () => {
    const { code, stdout } = await runCli(['checks']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      `${BUILT_IN_CHECKS.length} checks, ${BUILT_IN_CHECKS.length} enabled (docs/checks/<id>.md describes each one)`,
    );
    expect(stdout).toContain('\nSupply chain (supply-chain)\n');
    expect(stdout).toMatch(
      /\n {2}readiness-probe +critical +workload +Every container has a readiness probe\n/,
    );
    for (const check of BUILT_IN_CHECKS)
      expect(stdout).toContain(`  ${check.id} `);
    expect(
      Math.max(...stdout.split('\n').map(l => l.length)),
    ).toBeLessThanOrEqual(120);
  });

  it('applies --config: disabled checks, severities and options', async () => {
    const { code, stdout } = await runCli([
      'checks',
      '--format',
      'json',
      '--config',
      'prodready.yaml',
    ]);
    expect(code).toBe(0);
    const { checks } = JSON.parse(stdout);
    expect(checks.map((c: any) => c.id)).toEqual(
      BUILT_IN_CHECKS.map(c => c.id),
    );
    const byId = (id: string) => checks.find((c: any) => c.id === id);
    expect(byId('image-tag-pinned')).toMatchObject({
      enabled: false,
      severity: 'critical',
    });
    expect(byId('readiness-probe')).toMatchObject({
      enabled: true,
      severity: 'high',
      domain: 'packaging-traffic',
      scope: 'workload',
      builtIn: true,
      title: expect.any(String),
      rationale: expect.any(String),
      remediation: { text: expect.any(String), snippet: expect.any(String) },
    });
    expect(byId('image-registry-allowed').options).toEqual({
      registries: ['ghcr.io'],
    });
    expect(byId('restore-tested').options).toEqual({ maxAgeDays: 90 });

    const table = await runCli(['checks', '--config', 'prodready.yaml']);
    expect(table.stdout).toMatch(
      /image-tag-pinned +critical +workload +.*\(disabled\)/,
    );
    expect(table.stdout.split('\n')[0]).toContain(
      `${BUILT_IN_CHECKS.length - 1} enabled`,
    );
  });

  it('rejects an invalid config: exit 2', async () => {
    const { code, stderr } = await runCli([
      'checks',
      '--config',
      'invalid-config.yaml',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('readiness.checks.readiness-probe.severity');
  });
});

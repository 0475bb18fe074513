import { BUILT_IN_CHECKS } from '@prodready/plugin-readiness-node';
import { NOW, runCli } from '../__testUtils__/cli';
import { SARIF_SCHEMA, sarifLevel } from './sarif';

async function sarif(args: string[], stdin?: string) {
  const { stdout, code } = await runCli(
    ['audit', ...args, '--format', 'sarif', '--now', NOW],
    { stdin },
  );
  return { code, log: JSON.parse(stdout) };
}

describe('--format sarif', () => {
  it('is a SARIF 2.1.0 log: one rule per check, every result on a known rule', async () => {
    const { code, log } = await sarif(['shop', 'catalog-info.yaml']);
    expect(code).toBe(1);
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe('prodready');
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);

    const rules: any[] = run.tool.driver.rules;
    const ids = rules.map(r => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(BUILT_IN_CHECKS.map(c => c.id));
    for (const result of run.results) {
      expect(ids).toContain(result.ruleId);
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(typeof result.message.text).toBe('string');
      expect(result.locations).toHaveLength(1);
    }
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });

  it('describes each rule from the check: title, rationale, remediation, domain and severity', async () => {
    const { log } = await sarif(['shop']);
    const rule = log.runs[0].tool.driver.rules.find(
      (r: any) => r.id === 'readiness-probe',
    );
    const check = BUILT_IN_CHECKS.find(c => c.id === 'readiness-probe')!;
    expect(rule).toEqual({
      id: 'readiness-probe',
      name: 'ReadinessProbe',
      shortDescription: { text: check.title },
      fullDescription: { text: check.rationale },
      help: {
        text: `${check.remediation.text}\n\n${check.remediation.snippet}`,
        markdown: `${check.remediation.text}\n\n\`\`\`yaml\n${check.remediation.snippet}\n\`\`\``,
      },
      defaultConfiguration: { level: 'error', enabled: true },
      properties: expect.objectContaining({
        tags: ['packaging-traffic', 'critical'],
      }),
    });
    expect([
      sarifLevel('critical'),
      sarifLevel('high'),
      sarifLevel('medium'),
      sarifLevel('low'),
    ]).toEqual(['error', 'error', 'warning', 'note']);
  });

  it('has one result per failing check and workload, located in the file and by kind/namespace/name', async () => {
    const { log } = await sarif(['shop']);
    const json = JSON.parse(
      (await runCli(['audit', 'shop', '-f', 'json', '--now', NOW])).stdout,
    );
    const failing = json.workloads.flatMap((w: any) =>
      w.results
        .filter((r: any) => r.status === 'fail')
        .map((r: any) => `${w.ref.name}/${r.checkId}`),
    );
    const results = log.runs[0].results;
    expect(
      results.map(
        (r: any) => `${r.locations[0].logicalLocations[0].name}/${r.ruleId}`,
      ),
    ).toEqual(failing);

    const probe = results.find(
      (r: any) =>
        r.ruleId === 'readiness-probe' &&
        r.locations[0].logicalLocations[0].name === 'cart',
    );
    expect(probe).toMatchObject({
      level: 'error',
      message: {
        text: "Deployment shop/cart: container 'cart' has no readinessProbe",
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'shop/cart.yaml' },
            region: { startLine: 4 },
          },
          logicalLocations: [
            {
              name: 'cart',
              fullyQualifiedName: 'Deployment/shop/cart',
              kind: 'resource',
            },
          ],
        },
      ],
    });
    expect(probe.partialFingerprints['prodready/workload-check/v1']).toMatch(
      /^[0-9a-f]{64}$/,
    );
    expect(probe.suppressions).toBeUndefined();
  });

  it('reports waived checks as suppressed with the accepted risk as justification', async () => {
    const { log } = await sarif(['shop', 'catalog-info.yaml']);
    const waived = log.runs[0].results.filter((r: any) => r.suppressions);
    expect(waived).toHaveLength(1);
    expect(waived[0].ruleId).toBe('no-nodeport-exposure');
    expect(waived[0].suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: expect.stringContaining(
          'on-prem load balancer targets the node port until the ingress migration (accepted until 2099-12-31',
        ),
      },
    ]);
  });

  it('locates stdin objects logically only, and lists input errors as notifications', async () => {
    const { log } = await sarif(
      ['-'],
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: x}\nspec: {containers: [{name: a, image: nginx}]}\n---\nbad: [\n',
    );
    const [run] = log.runs;
    expect(run.results.length).toBeGreaterThan(0);
    for (const r of run.results) {
      expect(r.locations[0].physicalLocation).toBeUndefined();
      expect(r.locations[0].logicalLocations[0].fullyQualifiedName).toBe(
        'Pod/x/p',
      );
    }
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: 'warning',
        message: { text: expect.stringMatching(/^<stdin>:\d+: invalid YAML/) },
      },
    ]);
  });
});

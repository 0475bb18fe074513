import { buildEntityReport } from '@prodready/plugin-readiness-common';
import { BUILT_IN_CHECKS } from '../checks/builtin';
import { createReadinessCheck } from '../checks/types';
import { parseManifests, snapshotFromManifests } from '../sources/manifests';
import { readReadinessConfig } from '../config';
import {
  auditSnapshot,
  entityFromCatalogObjects,
} from './audit';

const NOW = new Date('2026-11-21T09:00:00Z');

/** A catalog-info.yaml and the manifests of one service, as `cat catalog-info.yaml k8s/*.yaml` would give. */
const INPUT = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
  annotations:
    backstage.io/kubernetes-id: cart
    pagerduty.com/service-id: PX7D9QZ
    prodready.dev/accept.liveness-probe: "worker answers only on its queue; until=2027-01-31"
    prodready.dev/accept.memory-limit: "tuning in progress; until=2026-01-31"
  links:
    - url: https://runbooks.acme.example/cart
      title: Runbook
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: storefront
spec:
  owner: commerce
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
  namespace: shop
  labels:
    app.kubernetes.io/name: cart
    backstage.io/kubernetes-id: cart
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: cart
  template:
    metadata:
      labels:
        app.kubernetes.io/name: cart
    spec:
      containers:
        - name: cart
          image: ghcr.io/acme/cart:1.4.2
          resources:
            requests: { cpu: 250m, memory: 256Mi }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart-worker
  namespace: shop
spec:
  replicas: 1
  selector:
    matchLabels: { app: cart-worker }
  template:
    metadata:
      labels: { app: cart-worker }
    spec:
      containers:
        - name: worker
          image: ghcr.io/acme/cart-worker:1.4.2
          readinessProbe:
            exec: { command: [cat, /tmp/ready] }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 128Mi }
---
apiVersion: v1
kind: Service
metadata:
  name: cart
  namespace: shop
spec:
  selector: { app.kubernetes.io/name: cart }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
  namespace: shop
  spec: [unclosed
`;

function snapshot(text = INPUT) {
  return snapshotFromManifests(
    'manifests',
    parseManifests(text, 'k8s/cart.yaml'),
  );
}

describe('entityFromCatalogObjects', () => {
  it('takes the Component as the entity, its accept annotations as accepted risks, and drops catalog objects', () => {
    const { objects } = parseManifests(INPUT, 'k8s/cart.yaml');
    const catalog = entityFromCatalogObjects(objects, {
      checkIds: BUILT_IN_CHECKS.map(c => c.id),
    });
    expect(catalog.entity).toEqual({
      ref: 'component:default/cart',
      annotations: expect.objectContaining({
        'pagerduty.com/service-id': 'PX7D9QZ',
      }),
      links: [{ url: 'https://runbooks.acme.example/cart', title: 'Runbook' }],
    });
    expect(
      catalog.acceptedRisks.map(r => [r.checkId, r.expiresAt, r.source]),
    ).toEqual([
      ['liveness-probe', '2027-01-31', 'annotation'],
      ['memory-limit', '2026-01-31', 'annotation'],
    ]);
    expect(catalog.objects.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/shop',
      'Deployment/cart',
      'Deployment/cart-worker',
      'Service/cart',
    ]);
    expect(catalog.configurationErrors).toEqual([]);
  });

  it('turns malformed accept annotations into configuration errors naming the annotation', () => {
    const catalog = entityFromCatalogObjects(
      [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'cart',
            namespace: 'shop',
            annotations: {
              'prodready.dev/accept.readiness-probe': 'because',
              'prodready.dev/accept.no-such-check': 'typo; until=2027-01-01',
            },
          },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'other' },
        },
      ],
      { checkIds: ['readiness-probe'] },
    );
    expect(catalog.entity?.ref).toBe('component:shop/cart');
    expect(catalog.acceptedRisks).toEqual([]);
    expect(catalog.configurationErrors).toEqual([
      {
        source:
          'component:shop/cart annotation prodready.dev/accept.readiness-probe',
        message: 'missing "until=YYYY-MM-DD"',
      },
      {
        source:
          'component:shop/cart annotation prodready.dev/accept.no-such-check',
        message: 'there is no check "no-such-check"',
      },
    ]);
    expect(catalog.notes).toEqual([
      'catalog entity component:default/other ignored: the audit uses the first Component of the input, component:shop/cart',
    ]);
  });
});

describe('auditSnapshot', () => {
  it('audits every workload, applies the entity, its accepted risks and reports input errors', () => {
    const result = auditSnapshot(snapshot(), { now: NOW });

    expect(result.cluster).toBe('manifests');
    expect(result.entity?.ref).toBe('component:default/cart');
    expect(
      result.workloads.map(
        w => `${w.ref.kind} ${w.ref.namespace}/${w.ref.name}`,
      ),
    ).toEqual(['Deployment shop/cart', 'Deployment shop/cart-worker']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^k8s\/cart\.yaml:\d+: /);

    const cart = result.workloads[0].results;
    const byId = (results: typeof cart, id: string) =>
      results.find(r => r.checkId === id)!;
    expect(byId(cart, 'readiness-probe')).toMatchObject({
      domain: 'packaging-traffic',
      severity: 'critical',
      status: 'fail',
      message: expect.stringContaining('readinessProbe'),
    });
    // Entity-scoped checks run per workload when an entity is known.
    expect(byId(cart, 'oncall-defined')).toMatchObject({ status: 'pass' });
    expect(result.skippedChecks).toEqual([]);

    // The summary is one report over every workload: readiness-probe fails on cart, so no-go.
    const { summary } = result;
    expect(summary.entityRef).toBe('component:default/cart');
    expect(summary.verdict).toBe('no-go');
    expect(summary.workloads).toHaveLength(2);
    expect(summary.blockers.map(b => b.checkId)).toContain('readiness-probe');
    const probe = summary.checks.find(c => c.checkId === 'readiness-probe')!;
    expect(probe.workloads.map(w => [w.ref.name, w.status])).toEqual([
      ['cart', 'fail'],
      ['cart-worker', 'pass'],
    ]);
    expect(result.checks).toHaveLength(BUILT_IN_CHECKS.length);
  });

  it('composes the summary with buildEntityReport, as the backend composes an entity report', () => {
    const result = auditSnapshot(snapshot(), {
      now: NOW,
      scoring: { levels: { gold: 'Platinum' } },
    });
    const expected = buildEntityReport({
      entityRef: 'component:default/cart',
      workloadResults: result.workloads.map(w => ({
        ref: w.ref,
        results: w.results.map(({ waiver: _waiver, ...r }) => ({
          ...r,
          status: r.status === 'waived' ? 'fail' : r.status,
        })),
      })),
      acceptedRisks: result.summary.acceptedRisks,
      configurationErrors: result.summary.configurationErrors,
      scoring: { levels: { gold: 'Platinum' } },
      now: NOW,
    });
    expect(result.summary).toEqual(expected);
  });

  it('carries accepted risks into the per-workload results: waived while valid, failing with the waiver when expired', () => {
    const result = auditSnapshot(snapshot(), { now: NOW });
    // Neither container has a livenessProbe; the risk is accepted until 2027-01-31.
    const liveness = result.workloads.map(
      w => w.results.find(r => r.checkId === 'liveness-probe')!,
    );
    expect(liveness.map(r => r.status)).toEqual(['waived', 'waived']);
    expect(liveness[0].waiver).toMatchObject({
      checkId: 'liveness-probe',
      expired: false,
    });
    const summaryLiveness = result.summary.checks.find(
      c => c.checkId === 'liveness-probe',
    )!;
    expect(summaryLiveness.status).toBe('waived');
    // memory-limit's waiver expired on 2026-01-31: cart (no memory limit) still fails, carrying it.
    const memory = result.workloads[0].results.find(
      r => r.checkId === 'memory-limit',
    )!;
    expect(memory.status).toBe('fail');
    expect(memory.waiver).toMatchObject({
      checkId: 'memory-limit',
      expired: true,
    });
    expect(
      result.summary.checks.find(c => c.checkId === 'memory-limit')?.waiver
        ?.expired,
    ).toBe(true);
  });

  it('skips entity-scoped checks without an entity and names them, with the summary ref "manifests"', () => {
    const text = INPUT.split('---\n').slice(2).join('---\n');
    const result = auditSnapshot(snapshot(text), { now: NOW });
    expect(result.entity).toBeUndefined();
    expect(result.summary.entityRef).toBe('manifests');
    const entityChecks = BUILT_IN_CHECKS.filter(c => c.scope === 'entity').map(
      c => c.id,
    );
    expect(result.skippedChecks).toEqual(entityChecks);
    for (const w of result.workloads) {
      expect(w.results.filter(r => entityChecks.includes(r.checkId))).toEqual(
        [],
      );
    }
  });

  it('applies policy and scoring from config: a disabled check does not run, a severity changes', () => {
    const config = readReadinessConfig(
      {
        checks: {
          'readiness-probe': { severity: 'high' },
          'liveness-probe': { enabled: false },
        },
        levels: { none: 'Not ready' },
      },
      'app-config',
      { checkIds: BUILT_IN_CHECKS.map(c => c.id) },
    );
    expect(config.errors).toEqual([]);
    const result = auditSnapshot(snapshot(), { now: NOW, ...config });
    const ids = result.workloads[0].results.map(r => r.checkId);
    expect(ids).not.toContain('liveness-probe');
    expect(
      result.workloads[0].results.find(r => r.checkId === 'readiness-probe')
        ?.severity,
    ).toBe('high');
    expect(result.checks.find(c => c.id === 'liveness-probe')?.enabled).toBe(
      false,
    );
    expect(result.summary.levelNames.none).toBe('Not ready');
  });

  it('makes malformed accept annotations configuration errors: listed in errors, verdict no-go', () => {
    const check = createReadinessCheck({
      id: 'always-pass',
      domain: 'delivery',
      severity: 'low',
      scope: 'workload',
      title: 'Always passes',
      rationale: 'For tests.',
      remediation: { text: 'Nothing to do.' },
      evaluate: () => ({ status: 'pass', message: 'fine' }),
    });
    const text = INPUT.replace(
      'prodready.dev/accept.memory-limit: "tuning in progress; until=2026-01-31"',
      'prodready.dev/accept.always-pass: "no date"',
    );
    const result = auditSnapshot(snapshot(text), { now: NOW, checks: [check] });
    expect(result.summary.counts.fail).toBe(0);
    expect(result.summary.verdict).toBe('no-go');
    expect(result.summary.configurationErrors).toEqual([
      {
        source:
          'component:default/cart annotation prodready.dev/accept.liveness-probe',
        message: 'there is no check "liveness-probe"',
      },
      {
        source:
          'component:default/cart annotation prodready.dev/accept.always-pass',
        message: 'missing "until=YYYY-MM-DD"',
      },
    ]);
    expect(result.errors).toContain(
      'component:default/cart annotation prodready.dev/accept.always-pass: missing "until=YYYY-MM-DD"',
    );
  });

  it('judges a snapshot as of its read time unless told otherwise', () => {
    const read = snapshotFromManifests(
      'manifests',
      parseManifests(INPUT, 'k8s/cart.yaml'),
      '2026-11-20T12:00:00.000Z',
    );
    expect(auditSnapshot(read).summary.evaluatedAt).toBe(
      '2026-11-20T12:00:00.000Z',
    );
    expect(auditSnapshot(read, { now: NOW }).summary.evaluatedAt).toBe(
      NOW.toISOString(),
    );
  });

  it('reports no workloads for input without any', () => {
    const result = auditSnapshot(
      snapshotFromManifests(
        'manifests',
        parseManifests(
          'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n',
        ),
      ),
      { now: NOW },
    );
    expect(result.workloads).toEqual([]);
    expect(result.summary.state).toBe('no-workloads');
    expect(result.summary.score).toBeNull();
  });
});

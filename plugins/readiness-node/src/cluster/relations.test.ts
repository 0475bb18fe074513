import { KubernetesObject } from '../objects';
import {
  container,
  cronJob,
  deployment,
  deploymentWithPods,
  indexOf,
  namespaceObject,
  object,
  service,
  statefulSet,
  workloadOf,
} from '../testing/fixtures';
import { referencedClaimNames, referencedSecretNames, relationsOf, WorkloadRelations } from './relations';

const names = (objects: KubernetesObject[]) => objects.map(o => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);

/** The relations of the Deployment `cart` in `shop` among `objects`. */
function cartRelations(objects: KubernetesObject[], name = 'cart'): WorkloadRelations {
  const index = indexOf([...deploymentWithPods(name), ...objects]);
  return relationsOf(workloadOf(index, 'Deployment', name), index);
}

function ingress(name: string, spec: Record<string, any>, apiVersion = 'networking.k8s.io/v1', namespace = 'shop') {
  return object(apiVersion, 'Ingress', name, namespace, { metadata: { annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' } }, spec });
}

const rule = (host: string, serviceName: string) => ({
  host,
  http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: serviceName, port: { name: 'http' } } } }] },
});

describe('relationsOf', () => {
  it('gives one relations object per workload', () => {
    const index = indexOf(deploymentWithPods('cart'));
    const w = workloadOf(index, 'Deployment', 'cart');
    const r = relationsOf(w, index);
    expect(relationsOf(w, index)).toBe(r);
    expect(r.workload).toBe(w);
    expect(r.index).toBe(index);
  });

  it('computes each relation once', () => {
    const r = cartRelations([service('cart')]);
    expect(r.services).toBe(r.services);
    expect(r.podDisruptionBudgets).toBe(r.podDisruptionBudgets);
    expect(r.referencedSecrets).toBe(r.referencedSecrets);
  });

  it('finds the Namespace object', () => {
    const shop = namespaceObject('shop');
    expect(cartRelations([shop, namespaceObject('staging')]).namespace).toBe(shop);
    expect(cartRelations([]).namespace).toBeUndefined();
  });
});

describe('services', () => {
  it('are the Services of the namespace whose map selector matches the pod template labels', () => {
    const cart = service('cart');
    const byId = service('cart-internal', 'shop', { spec: { selector: { 'backstage.io/kubernetes-id': 'cart' } } });
    byId.spec.selector = { 'backstage.io/kubernetes-id': 'cart' };
    const emptySelector = service('headless-empty');
    emptySelector.spec.selector = {};
    const r = cartRelations([
      cart,
      byId,
      service('checkout'),
      service('cart', 'staging'),
      service('cart-canary', 'shop', { spec: { selector: { 'app.kubernetes.io/name': 'cart', track: 'canary' } } }),
      service('external-db', 'shop', { spec: { type: 'ExternalName', externalName: 'db.acme.example', selector: undefined } }),
      emptySelector,
    ]);
    expect(r.services).toEqual([cart, byId]);
  });

  it('are none when nothing selects the pods', () => {
    expect(cartRelations([service('checkout')]).services).toEqual([]);
  });
});

describe('ingresses', () => {
  it('are those with a v1 rule backend naming one of the Services', () => {
    const ing = ingress('cart', { ingressClassName: 'nginx', tls: [{ hosts: ['cart.acme.example'], secretName: 'cart-tls' }], rules: [rule('cart.acme.example', 'cart')] });
    const other = ingress('checkout', { rules: [rule('checkout.acme.example', 'checkout')] });
    const elsewhere = ingress('cart', { rules: [rule('cart.staging.acme.example', 'cart')] }, 'networking.k8s.io/v1', 'staging');
    expect(cartRelations([service('cart'), service('checkout'), ing, other, elsewhere]).ingresses).toEqual([ing]);
  });

  it('are found by a rule among several, and by defaultBackend', () => {
    const multi = ingress('shop', { rules: [rule('checkout.acme.example', 'checkout'), rule('cart.acme.example', 'cart')] });
    const byDefault = ingress('fallback', { defaultBackend: { service: { name: 'cart', port: { number: 80 } } } });
    expect(cartRelations([service('cart'), multi, byDefault]).ingresses).toEqual([multi, byDefault]);
  });

  it('are found by the networking.k8s.io/v1beta1 serviceName in rules and by spec.backend', () => {
    const legacyRule = ingress(
      'cart-legacy',
      { rules: [{ host: 'cart.acme.example', http: { paths: [{ path: '/', backend: { serviceName: 'cart', servicePort: 80 } }] } }] },
      'networking.k8s.io/v1beta1',
    );
    const legacyDefault = ingress('cart-default', { backend: { serviceName: 'cart', servicePort: 80 } }, 'networking.k8s.io/v1beta1');
    expect(cartRelations([service('cart'), legacyRule, legacyDefault]).ingresses).toEqual([legacyRule, legacyDefault]);
  });

  it('are none without a Service, even when an Ingress names the workload', () => {
    expect(cartRelations([ingress('cart', { rules: [rule('cart.acme.example', 'cart')] })]).ingresses).toEqual([]);
  });

  it('skip malformed rules and paths without throwing', () => {
    const odd = ingress('odd', { rules: { host: 'cart.acme.example' } });
    const oddPaths = ingress('odd-paths', { rules: [{ host: 'x', http: { paths: 'cart' } }, null, { http: null }] });
    const resource = ingress('static', { defaultBackend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'assets' } } });
    const good = ingress('cart', { rules: [rule('cart.acme.example', 'cart')] });
    expect(cartRelations([service('cart'), odd, oddPaths, resource, good]).ingresses).toEqual([good]);
  });
});

describe('podDisruptionBudgets', () => {
  const pdb = (name: string, selector: unknown, namespace = 'shop') =>
    object('policy/v1', 'PodDisruptionBudget', name, namespace, { spec: { minAvailable: 1, selector } });

  it('match by matchLabels and matchExpressions, in the namespace only', () => {
    const byLabels = pdb('cart', { matchLabels: { 'app.kubernetes.io/name': 'cart' } });
    const byIn = pdb('shop-apps', { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['cart', 'checkout'] }] });
    const byNotIn = pdb('not-batch', { matchExpressions: [{ key: 'workload-type', operator: 'NotIn', values: ['batch'] }] });
    const both = pdb('both', {
      matchLabels: { 'app.kubernetes.io/name': 'cart' },
      matchExpressions: [{ key: 'backstage.io/kubernetes-id', operator: 'Exists' }],
    });
    const r = cartRelations([
      byLabels,
      byIn,
      byNotIn,
      both,
      pdb('checkout', { matchLabels: { 'app.kubernetes.io/name': 'checkout' } }),
      pdb('half', { matchLabels: { 'app.kubernetes.io/name': 'cart' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] }),
      pdb('cart', { matchLabels: { 'app.kubernetes.io/name': 'cart' } }, 'staging'),
      pdb('no-selector', undefined),
      pdb('malformed', { matchExpressions: { key: 'app.kubernetes.io/name', operator: 'Exists' } }),
    ]);
    expect(r.podDisruptionBudgets).toEqual([byLabels, byIn, byNotIn, both]);
  });

  it('include one with an empty selector (every pod of the namespace, policy/v1)', () => {
    const all = pdb('all', {});
    expect(cartRelations([all]).podDisruptionBudgets).toEqual([all]);
  });
});

describe('autoscalers', () => {
  const hpa = (name: string, target: Record<string, unknown>, namespace = 'shop') =>
    object('autoscaling/v2', 'HorizontalPodAutoscaler', name, namespace, {
      spec: { scaleTargetRef: target, minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] },
    });

  it('HPAs target the workload by kind and name, in its namespace', () => {
    const mine = hpa('cart', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart' });
    const r = cartRelations([
      mine,
      hpa('cart-sts', { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'cart' }),
      hpa('checkout', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'checkout' }),
      hpa('cart', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart' }, 'staging'),
      object('autoscaling/v2', 'HorizontalPodAutoscaler', 'broken', 'shop', { spec: {} }),
    ]);
    expect(r.horizontalPodAutoscalers).toEqual([mine]);
  });

  it('VPAs target the workload by targetRef', () => {
    const vpa = (name: string, targetRef: unknown) =>
      object('autoscaling.k8s.io/v1', 'VerticalPodAutoscaler', name, 'shop', { spec: { targetRef, updatePolicy: { updateMode: 'Off' } } });
    const mine = vpa('cart', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart' });
    const r = cartRelations([mine, vpa('other', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'checkout' }), vpa('none', undefined)]);
    expect(r.verticalPodAutoscalers).toEqual([mine]);
  });

  it('KEDA ScaledObjects target a Deployment when scaleTargetRef has no kind', () => {
    const so = (name: string, scaleTargetRef: unknown, namespace = 'shop') =>
      object('keda.sh/v1alpha1', 'ScaledObject', name, namespace, {
        spec: { scaleTargetRef, minReplicaCount: 2, triggers: [{ type: 'prometheus', metadata: { threshold: '100' } }] },
      });
    const implicit = so('cart', { name: 'cart' });
    const explicit = so('cart-explicit', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart' });
    const r = cartRelations([implicit, explicit, so('cart-sts', { kind: 'StatefulSet', name: 'cart' }), so('cart', { name: 'cart' }, 'staging')]);
    expect(r.scaledObjects).toEqual([implicit, explicit]);

    const index = indexOf([statefulSet('cart'), so('cart', { name: 'cart' }), so('cart-sts', { kind: 'StatefulSet', name: 'cart' })]);
    expect(names(relationsOf(workloadOf(index, 'StatefulSet', 'cart'), index).scaledObjects)).toEqual(['shop/cart-sts']);
  });
});

describe('monitors', () => {
  const serviceMonitor = (name: string, namespace: string, spec: Record<string, unknown>) =>
    object('monitoring.coreos.com/v1', 'ServiceMonitor', name, namespace, {
      spec: { endpoints: [{ port: 'http', path: '/metrics', interval: '30s' }], ...spec },
    });
  const cartSvc = service('cart', 'shop', { metadata: { labels: { 'app.kubernetes.io/name': 'cart', 'prometheus.io/team': 'commerce' } } });
  const selectCart = { matchLabels: { 'app.kubernetes.io/name': 'cart' } };

  it('ServiceMonitors without namespaceSelector cover their own namespace only', () => {
    const own = serviceMonitor('cart', 'shop', { selector: selectCart });
    const monitoringNs = serviceMonitor('cart', 'monitoring', { selector: selectCart });
    expect(cartRelations([cartSvc, own, monitoringNs]).serviceMonitors).toEqual([own]);
  });

  it('ServiceMonitors with namespaceSelector any: true or matchNames cover those namespaces', () => {
    const any = serviceMonitor('all-teams', 'monitoring', { namespaceSelector: { any: true }, selector: { matchLabels: { 'prometheus.io/team': 'commerce' } } });
    const named = serviceMonitor('shop-apps', 'monitoring', { namespaceSelector: { matchNames: ['payments', 'shop'] }, selector: selectCart });
    const otherNames = serviceMonitor('payments-apps', 'monitoring', { namespaceSelector: { matchNames: ['payments'] }, selector: selectCart });
    const anyFalse = serviceMonitor('any-false', 'monitoring', { namespaceSelector: { any: false }, selector: selectCart });
    expect(cartRelations([cartSvc, any, named, otherNames, anyFalse]).serviceMonitors).toEqual([any, named]);
  });

  it('ServiceMonitors with an empty matchNames cover their own namespace, as prometheus-operator reads it', () => {
    const own = serviceMonitor('cart', 'shop', { namespaceSelector: { matchNames: [] }, selector: selectCart });
    const elsewhere = serviceMonitor('cart', 'monitoring', { namespaceSelector: { matchNames: [] }, selector: selectCart });
    expect(cartRelations([cartSvc, own, elsewhere]).serviceMonitors).toEqual([own]);
  });

  it('ServiceMonitors select the Service labels (not the pod labels) with full LabelSelector semantics', () => {
    const byExpr = serviceMonitor('by-expr', 'shop', {
      selector: { matchExpressions: [{ key: 'prometheus.io/team', operator: 'In', values: ['commerce', 'platform'] }] },
    });
    const byPodLabel = serviceMonitor('by-pod-label', 'shop', { selector: { matchLabels: { 'backstage.io/kubernetes-id': 'cart' } } });
    const everything = serviceMonitor('everything', 'shop', { selector: {} });
    const noSelector = serviceMonitor('no-selector', 'shop', {});
    expect(cartRelations([cartSvc, byExpr, byPodLabel, everything, noSelector]).serviceMonitors).toEqual([byExpr, everything]);
  });

  it('no ServiceMonitor applies without a Service', () => {
    expect(cartRelations([serviceMonitor('cart', 'shop', { selector: {} })]).serviceMonitors).toEqual([]);
  });

  it('PodMonitors select the pod template labels in the namespaces they cover', () => {
    const podMonitor = (name: string, namespace: string, spec: Record<string, unknown>) =>
      object('monitoring.coreos.com/v1', 'PodMonitor', name, namespace, { spec: { podMetricsEndpoints: [{ port: 'http' }], ...spec } });
    const own = podMonitor('cart', 'shop', { selector: selectCart });
    const anyNs = podMonitor('by-id', 'monitoring', { namespaceSelector: { any: true }, selector: { matchLabels: { 'backstage.io/kubernetes-id': 'cart' } } });
    const named = podMonitor('named', 'monitoring', { namespaceSelector: { matchNames: ['shop'] }, selector: selectCart });
    const r = cartRelations([
      own,
      anyNs,
      named,
      podMonitor('elsewhere', 'monitoring', { selector: selectCart }),
      podMonitor('checkout', 'shop', { selector: { matchLabels: { 'app.kubernetes.io/name': 'checkout' } } }),
    ]);
    expect(r.podMonitors).toEqual([own, anyNs, named]);
  });
});

describe('networkPolicies', () => {
  const policy = (name: string, podSelector: unknown, namespace = 'shop') =>
    object('networking.k8s.io/v1', 'NetworkPolicy', name, namespace, { spec: { podSelector, policyTypes: ['Ingress', 'Egress'] } });

  it('are the policies of the namespace selecting the pods; an empty podSelector selects all', () => {
    const denyAll = policy('default-deny', {});
    const cart = policy('cart', { matchLabels: { 'app.kubernetes.io/name': 'cart' } });
    const notDb = policy('not-db', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] });
    const r = cartRelations([denyAll, cart, notDb, policy('checkout', { matchLabels: { 'app.kubernetes.io/name': 'checkout' } }), policy('deny', {}, 'staging')]);
    expect(r.networkPolicies).toEqual([denyAll, cart, notDb]);
  });

  it('count a policy without podSelector as selecting every pod', () => {
    const noSelector = policy('no-selector', undefined);
    expect(cartRelations([noSelector]).networkPolicies).toEqual([noSelector]);
  });
});

describe('service accounts and bindings', () => {
  const withSa = (spec: Record<string, unknown>) => {
    const index = indexOf([deployment('cart', 'shop', { spec: { template: { spec: { serviceAccountName: undefined, ...spec } } } })]);
    return relationsOf(workloadOf(index, 'Deployment', 'cart'), index);
  };

  it('the ServiceAccount name is serviceAccountName, else the deprecated serviceAccount, else `default`', () => {
    expect(withSa({ serviceAccountName: 'cart' }).serviceAccountName).toBe('cart');
    expect(withSa({ serviceAccount: 'legacy' }).serviceAccountName).toBe('legacy');
    expect(withSa({ serviceAccountName: 'cart', serviceAccount: 'legacy' }).serviceAccountName).toBe('cart');
    expect(withSa({}).serviceAccountName).toBe('default');
    expect(withSa({ serviceAccountName: '' }).serviceAccountName).toBe('default');
  });

  it('finds the ServiceAccount object in the namespace', () => {
    const sa = object('v1', 'ServiceAccount', 'cart', 'shop', { automountServiceAccountToken: false });
    expect(cartRelations([sa, object('v1', 'ServiceAccount', 'cart', 'staging')]).serviceAccount).toBe(sa);
    expect(cartRelations([object('v1', 'ServiceAccount', 'default', 'shop')]).serviceAccount).toBeUndefined();
  });

  const rb = (name: string, namespace: string, subjects: unknown) =>
    object('rbac.authorization.k8s.io/v1', 'RoleBinding', name, namespace, {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'config-reader' },
      subjects,
    });
  const crb = (name: string, subjects: unknown) =>
    object('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', name, undefined, {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects,
    });

  it('finds RoleBindings of any namespace and ClusterRoleBindings naming the ServiceAccount', () => {
    const own = rb('cart-config', 'shop', [{ kind: 'ServiceAccount', name: 'cart' }]);
    const ownExplicit = rb('cart-explicit', 'shop', [{ kind: 'ServiceAccount', name: 'cart', namespace: 'shop' }]);
    const crossNs = rb('cart-reads-payments', 'payments', [{ kind: 'ServiceAccount', name: 'cart', namespace: 'shop' }]);
    const cluster = crb('cart-view', [{ kind: 'User', name: 'alice' }, { kind: 'ServiceAccount', name: 'cart', namespace: 'shop' }]);
    const emptyNs = rb('cart-empty-ns', 'shop', [{ kind: 'ServiceAccount', name: 'cart', namespace: '' }]);
    const r = cartRelations([
      own,
      ownExplicit,
      crossNs,
      emptyNs,
      cluster,
      rb('payments-sa', 'payments', [{ kind: 'ServiceAccount', name: 'cart' }]),
      rb('staging-cart', 'shop', [{ kind: 'ServiceAccount', name: 'cart', namespace: 'staging' }]),
      rb('other-sa', 'shop', [{ kind: 'ServiceAccount', name: 'checkout' }]),
      rb('user', 'shop', [{ kind: 'User', name: 'cart' }, { kind: 'Group', name: 'cart' }]),
      crb('no-namespace', [{ kind: 'ServiceAccount', name: 'cart' }]),
    ]);
    expect(names(r.roleBindings)).toEqual(['shop/cart-config', 'shop/cart-explicit', 'shop/cart-empty-ns', 'payments/cart-reads-payments', '/cart-view']);
  });

  it('skips malformed subjects without throwing', () => {
    const good = rb('good', 'shop', [null, 'cart', 42, { kind: 'ServiceAccount' }, { kind: 'ServiceAccount', name: 'cart' }]);
    const r = cartRelations([
      rb('not-a-list', 'shop', { kind: 'ServiceAccount', name: 'cart' }),
      rb('string', 'shop', 'ServiceAccount:cart'),
      rb('none', 'shop', undefined),
      crb('null', null),
      good,
    ]);
    expect(r.roleBindings).toEqual([good]);
  });
});

describe('namespace objects', () => {
  it('ResourceQuotas and LimitRanges of the namespace', () => {
    const quota = object('v1', 'ResourceQuota', 'compute', 'shop', { spec: { hard: { 'requests.cpu': '20', 'requests.memory': '64Gi' } } });
    const limits = object('v1', 'LimitRange', 'defaults', 'shop', { spec: { limits: [{ type: 'Container', default: { memory: '512Mi' } }] } });
    const r = cartRelations([quota, limits, object('v1', 'ResourceQuota', 'compute', 'staging'), object('v1', 'LimitRange', 'defaults', 'staging')]);
    expect(r.resourceQuotas).toEqual([quota]);
    expect(r.limitRanges).toEqual([limits]);
    expect(cartRelations([]).resourceQuotas).toEqual([]);
    expect(cartRelations([]).limitRanges).toEqual([]);
  });
});

describe('Velero', () => {
  const schedule = (name: string, template: Record<string, unknown>) =>
    object('velero.io/v1', 'Schedule', name, 'velero', { spec: { schedule: '0 1 * * *', template: { ttl: '720h0m0s', ...template } } });
  const backup = (name: string, spec: Record<string, unknown>) =>
    object('velero.io/v1', 'Backup', name, 'velero', { spec: { storageLocation: 'default', ...spec }, status: { phase: 'Completed' } });
  const restore = (name: string, spec: Record<string, unknown>) =>
    object('velero.io/v1', 'Restore', name, 'velero', { spec, status: { phase: 'Completed' } });

  it('Schedules cover the namespace by includedNamespaces (name or `*`, absent or empty = all) unless excluded', () => {
    const named = schedule('shop-daily', { includedNamespaces: ['shop', 'payments'] });
    const star = schedule('everything', { includedNamespaces: ['*'] });
    const absent = schedule('default-all', {});
    const empty = schedule('empty-list', { includedNamespaces: [] });
    const r = cartRelations([
      named,
      star,
      absent,
      empty,
      schedule('payments', { includedNamespaces: ['payments'] }),
      schedule('all-but-shop', { includedNamespaces: ['*'], excludedNamespaces: ['shop'] }),
      schedule('named-but-excluded', { includedNamespaces: ['shop'], excludedNamespaces: ['shop'] }),
      schedule('mistyped', { includedNamespaces: 'shop' }),
      schedule('mistyped-excluded', { excludedNamespaces: 'kube-system' }),
      object('k8up.io/v1', 'Schedule', 'daily', 'shop', { spec: { backup: { schedule: '@daily' } } }),
    ]);
    expect(r.veleroSchedules).toEqual([named, star, absent, empty]);
  });

  it('Schedules without a template cover every namespace', () => {
    const bare = object('velero.io/v1', 'Schedule', 'bare', 'velero', { spec: { schedule: '@daily' } });
    expect(cartRelations([bare]).veleroSchedules).toEqual([bare]);
  });

  it('Backups cover the namespace by their own spec', () => {
    const mine = backup('shop-daily-20261121010000', { includedNamespaces: ['shop'] });
    const all = backup('full-20261121', {});
    const r = cartRelations([mine, all, backup('payments-20261121', { includedNamespaces: ['payments'] }), backup('not-shop', { excludedNamespaces: ['shop'] })]);
    expect(r.veleroBackups).toEqual([mine, all]);
  });

  it('Restores count when made from a covering Backup or Schedule', () => {
    const shopSchedule = schedule('shop-daily', { includedNamespaces: ['shop'] });
    const shopBackup = backup('shop-daily-20261121010000', { includedNamespaces: ['shop'] });
    const paymentsBackup = backup('payments-20261121', { includedNamespaces: ['payments'] });
    const fromBackup = restore('drill-1', { backupName: 'shop-daily-20261121010000' });
    const fromSchedule = restore('drill-2', { scheduleName: 'shop-daily' });
    const r = cartRelations([
      shopSchedule,
      shopBackup,
      paymentsBackup,
      fromBackup,
      fromSchedule,
      restore('payments-drill', { backupName: 'payments-20261121' }),
      restore('unknown-backup', { backupName: 'gone' }),
      restore('no-spec', {}),
    ]);
    expect(r.veleroRestores).toEqual([fromBackup, fromSchedule]);
  });
});

describe('referenced Secrets', () => {
  const podSpec = {
    containers: [
      container('cart', {
        env: [
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'cart-db', key: 'password' } } },
          { name: 'MODE', value: 'production' },
          { name: 'FEATURE', valueFrom: { configMapKeyRef: { name: 'cart-flags', key: 'feature' } } },
          { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        ],
        envFrom: [{ secretRef: { name: 'cart-api-keys' } }, { configMapRef: { name: 'cart-config' } }],
      }),
    ],
    initContainers: [container('migrate', { env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'cart-db', key: 'password' } } }], envFrom: [{ secretRef: { name: 'migrate-creds' } }] })],
    volumes: [
      { name: 'tls', secret: { secretName: 'cart-tls' } },
      { name: 'config', configMap: { name: 'cart-config' } },
      { name: 'bundle', projected: { sources: [{ secret: { name: 'ca-bundle' } }, { configMap: { name: 'trust' } }, { serviceAccountToken: { path: 'token' } }] } },
      { name: 'data', persistentVolumeClaim: { claimName: 'cart-data' } },
      { name: 'cache', emptyDir: {} },
    ],
  };

  it('names every Secret referenced by env, envFrom, volumes and projected volumes, of containers and init containers, once', () => {
    expect(referencedSecretNames(podSpec)).toEqual(['cart-db', 'cart-api-keys', 'migrate-creds', 'cart-tls', 'ca-bundle']);
  });

  it('names none for an empty or malformed pod spec, without throwing', () => {
    expect(referencedSecretNames(undefined)).toEqual([]);
    expect(referencedSecretNames({})).toEqual([]);
    expect(referencedSecretNames({ containers: { name: 'x' }, volumes: 'tls' })).toEqual([]);
    expect(referencedSecretNames({ containers: [null, { env: { name: 'X' }, envFrom: 'cart' }], volumes: [null, { projected: { sources: {} } }] })).toEqual([]);
  });

  it('sorts them into found (metadata objects) and missing names', () => {
    const db = object('v1', 'Secret', 'cart-db', 'shop', { type: 'Opaque' });
    const tls = object('v1', 'Secret', 'cart-tls', 'shop', { type: 'kubernetes.io/tls' });
    const index = indexOf([
      deployment('cart', 'shop', { spec: { template: { spec: podSpec } } }),
      db,
      tls,
      object('v1', 'Secret', 'cart-api-keys', 'staging'),
    ]);
    const r = relationsOf(workloadOf(index, 'Deployment', 'cart'), index);
    expect(r.referencedSecrets).toEqual({ found: [db, tls], missing: ['cart-api-keys', 'migrate-creds', 'ca-bundle'] });
  });

  it('reads the pod template of a CronJob', () => {
    const index = indexOf([cronJob('report', 'shop', { spec: { jobTemplate: { spec: { template: { spec: { volumes: [{ name: 's', secret: { secretName: 'report-smtp' } }] } } } } } })]);
    expect(relationsOf(workloadOf(index, 'CronJob', 'report'), index).referencedSecrets).toEqual({ found: [], missing: ['report-smtp'] });
  });
});

describe('claim names', () => {
  it('are the PersistentVolumeClaims the pod template mounts', () => {
    const spec = {
      volumes: [
        { name: 'data', persistentVolumeClaim: { claimName: 'cart-data' } },
        { name: 'cache', emptyDir: {} },
        { name: 'uploads', persistentVolumeClaim: { claimName: 'cart-uploads', readOnly: true } },
        { name: 'odd', persistentVolumeClaim: {} },
      ],
    };
    expect(referencedClaimNames(spec)).toEqual(['cart-data', 'cart-uploads']);
    const index = indexOf([deployment('cart', 'shop', { spec: { template: { spec } } })]);
    expect(relationsOf(workloadOf(index, 'Deployment', 'cart'), index).claimNames).toEqual(['cart-data', 'cart-uploads']);
  });

  it('are none for a StatefulSet using volumeClaimTemplates only, or a malformed spec', () => {
    const index = indexOf([statefulSet('postgres')]);
    expect(relationsOf(workloadOf(index, 'StatefulSet', 'postgres'), index).claimNames).toEqual([]);
    expect(referencedClaimNames(undefined)).toEqual([]);
    expect(referencedClaimNames({ volumes: { name: 'data' } })).toEqual([]);
  });
});

describe('manifests without namespace (helm template)', () => {
  it('relate through the `default` namespace', () => {
    const strip = (o: KubernetesObject) => {
      delete o.metadata.namespace;
      return o;
    };
    const d = strip(deployment('cart'));
    const svc = strip(service('cart'));
    const pdb = strip(object('policy/v1', 'PodDisruptionBudget', 'cart', 'x', { spec: { minAvailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': 'cart' } } } }));
    const hpa = strip(object('autoscaling/v2', 'HorizontalPodAutoscaler', 'cart', 'x', { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart' } } }));
    const sm = strip(object('monitoring.coreos.com/v1', 'ServiceMonitor', 'cart', 'x', { spec: { selector: { matchLabels: { 'app.kubernetes.io/name': 'cart' } } } }));
    const sa = strip(object('v1', 'ServiceAccount', 'cart', 'x'));
    const binding = strip(
      object('rbac.authorization.k8s.io/v1', 'RoleBinding', 'cart', 'x', {
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'cart' },
        subjects: [{ kind: 'ServiceAccount', name: 'cart' }],
      }),
    );
    const index = indexOf([d, svc, pdb, hpa, sm, sa, binding]);
    const w = workloadOf(index, 'Deployment', 'cart');
    expect(w.ref.namespace).toBe('default');
    const r = relationsOf(w, index);
    expect(names(r.services)).toEqual(['default/cart']);
    expect(names(r.podDisruptionBudgets)).toEqual(['default/cart']);
    expect(names(r.horizontalPodAutoscalers)).toEqual(['default/cart']);
    expect(names(r.serviceMonitors)).toEqual(['default/cart']);
    expect(r.serviceAccount?.metadata.name).toBe('cart');
    expect(names(r.roleBindings)).toEqual(['default/cart']);
  });
});

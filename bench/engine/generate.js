#!/usr/bin/env node
'use strict';
/*
 * Writes a synthetic cluster dump: one `kind: List` JSON document like `kubectl get ... -A -o json`
 * of a shop-like platform over N namespaces. Seeded, so the same N gives the same bytes.
 * Controllers are expanded into ReplicaSets and Pods (full pod specs with status, as a real dump
 * has them), with PDBs, HPAs, quotas, service accounts, Secrets (metadata only) and realistic
 * defects (latest tags, missing probes, BestEffort pods, default service accounts, mismatched PDBs).
 *
 *   node bench/engine/generate.js --namespaces 1000 --out bench/output/cluster-1000.json
 */
const fs = require('node:fs');
const path = require('node:path');

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

const SERVICES = [
  { name: 'storefront', replicas: 8, port: 3000 },
  { name: 'cart', replicas: 5, port: 8080 },
  { name: 'checkout', replicas: 4, port: 8080 },
  { name: 'payments', replicas: 4, port: 8443 },
  { name: 'catalog', replicas: 6, port: 8080 },
  { name: 'search', replicas: 5, port: 9200 },
  { name: 'orders', replicas: 4, port: 8080 },
  { name: 'notifications', replicas: 2, port: 8080 },
  { name: 'recommendations', replicas: 3, port: 8080 },
];

function generate({ namespaces, seed = 42, write }) {
  const rand = mulberry32(seed);
  const pick = arr => arr[Math.floor(rand() * arr.length)];
  const chance = p => rand() < p;
  let uidCounter = 0;
  const uid = () => {
    uidCounter += 1;
    const h = uidCounter.toString(16).padStart(12, '0');
    return `6f1c2d3e-4a5b-4c6d-8e7f-${h}`;
  };
  const hex = n => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  const ts = '2026-11-01T08:00:00Z';
  const counts = { objects: 0, pods: 0 };
  const emit = obj => {
    counts.objects += 1;
    if (obj.kind === 'Pod') counts.pods += 1;
    write(obj);
  };

  for (let i = 0; i < namespaces; i++) {
    const ns = `shop-${String(i).padStart(4, '0')}`;
    const team = `team-${i % 37}`;
    const psa = pick(['restricted', 'restricted', 'baseline', undefined]);
    emit({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, uid: uid(), creationTimestamp: ts, labels: { 'kubernetes.io/metadata.name': ns, team, ...(psa ? { 'pod-security.kubernetes.io/enforce': psa } : {}) } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    if (chance(0.8)) {
      emit({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: ns, uid: uid(), creationTimestamp: ts }, spec: { hard: { 'requests.cpu': '40', 'requests.memory': '80Gi', 'limits.memory': '120Gi', pods: '200' } }, status: { hard: { pods: '200' }, used: { pods: '41' } } });
    }
    if (chance(0.6)) {
      emit({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults', namespace: ns, uid: uid(), creationTimestamp: ts }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] } });
    }
    if (chance(0.5)) {
      emit({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: ns, uid: uid(), creationTimestamp: ts }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
    }
    emit({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns, uid: uid(), creationTimestamp: ts } });

    const services = SERVICES.slice(0, 7 + Math.floor(rand() * 3));
    for (const svc of services) {
      const name = svc.name;
      const bad = chance(0.3);
      const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': `${name}-${ns}`, 'app.kubernetes.io/part-of': 'shop', 'backstage.io/kubernetes-id': `${ns}-${name}` };
      if (chance(0.7)) Object.assign(labels, { 'app.kubernetes.io/managed-by': 'Helm', 'helm.sh/chart': `${name}-1.${Math.floor(rand() * 20)}.0` });
      const sa = bad && chance(0.5) ? undefined : name;
      if (sa) emit({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns, uid: uid(), creationTimestamp: ts, labels }, automountServiceAccountToken: false });
      const secretName = `${name}-db`;
      emit({ apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: secretName, namespace: ns, uid: uid(), creationTimestamp: ts, labels, ...(chance(0.6) ? { ownerReferences: [{ apiVersion: 'bitnami.com/v1alpha1', kind: 'SealedSecret', name: secretName, uid: uid(), controller: true }] } : {}) } });
      const tag = bad && chance(0.3) ? 'latest' : `1.${Math.floor(rand() * 30)}.${Math.floor(rand() * 10)}`;
      const image = chance(0.4) ? `registry.shop.example/${name}:${tag}@sha256:${hex(64)}` : `registry.shop.example/${name}:${tag}`;
      const resources = bad && chance(0.4) ? {} : { requests: { cpu: `${100 + Math.floor(rand() * 400)}m`, memory: `${128 * (1 + Math.floor(rand() * 4))}Mi` }, limits: { memory: '1Gi' } };
      const container = {
        name,
        image,
        imagePullPolicy: 'IfNotPresent',
        ports: [{ name: 'http', containerPort: svc.port, protocol: 'TCP' }],
        env: [
          { name: 'LOG_LEVEL', value: 'info' },
          { name: 'DB_HOST', value: `${name}-db.${ns}.svc.cluster.local` },
          bad && chance(0.2) ? { name: 'DB_PASSWORD', value: 'hunter2' } : { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: secretName, key: 'password' } } },
          { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        ],
        resources,
        ...(bad && chance(0.5) ? {} : { readinessProbe: { httpGet: { path: '/ready', port: 'http', scheme: 'HTTP' }, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } }),
        ...(bad && chance(0.5) ? {} : { livenessProbe: { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } }),
        securityContext: bad ? { allowPrivilegeEscalation: true } : { runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
        volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      };
      const podSpec = {
        ...(sa ? { serviceAccountName: sa, automountServiceAccountToken: false } : {}),
        ...(chance(0.6) ? { priorityClassName: 'shop-critical' } : {}),
        containers: [container],
        volumes: [{ name: 'tmp', emptyDir: {} }],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        schedulerName: 'default-scheduler',
        ...(chance(0.5) ? { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { 'app.kubernetes.io/name': name } } }] } : {}),
      };
      const replicas = svc.replicas;
      const deployUid = uid();
      emit({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: ns, uid: deployUid, generation: 4, creationTimestamp: ts, labels, annotations: { 'deployment.kubernetes.io/revision': '4' } },
        spec: { replicas, revisionHistoryLimit: 10, selector: { matchLabels: { 'app.kubernetes.io/name': name } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, template: { metadata: { labels }, spec: podSpec } },
        status: { observedGeneration: 4, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas },
      });
      const hash = hex(10);
      for (const [rsHash, rsReplicas] of [[hash, replicas], [hex(10), 0]]) {
        const rsUid = uid();
        emit({
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: { name: `${name}-${rsHash}`, namespace: ns, uid: rsUid, creationTimestamp: ts, labels: { ...labels, 'pod-template-hash': rsHash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: deployUid, controller: true, blockOwnerDeletion: true }] },
          spec: { replicas: rsReplicas, selector: { matchLabels: { 'app.kubernetes.io/name': name, 'pod-template-hash': rsHash } }, template: { metadata: { labels: { ...labels, 'pod-template-hash': rsHash } }, spec: podSpec } },
          status: { replicas: rsReplicas, readyReplicas: rsReplicas },
        });
        for (let p = 0; p < rsReplicas; p++) {
          emit({
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: `${name}-${rsHash}-${hex(5)}`, namespace: ns, uid: uid(), creationTimestamp: ts, labels: { ...labels, 'pod-template-hash': rsHash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${name}-${rsHash}`, uid: rsUid, controller: true, blockOwnerDeletion: true }] },
            spec: { ...podSpec, nodeName: `node-${Math.floor(rand() * 300)}`, serviceAccountName: sa ?? 'default' },
            status: {
              phase: 'Running',
              qosClass: resources.requests ? 'Burstable' : 'BestEffort',
              podIP: `10.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}`,
              startTime: ts,
              conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: ts }],
              containerStatuses: [{ name, ready: true, restartCount: Math.floor(rand() * 3), image, started: true, state: { running: { startedAt: ts } } }],
            },
          });
        }
      }
      emit({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, uid: uid(), creationTimestamp: ts, labels }, spec: { type: bad && chance(0.2) ? 'NodePort' : 'ClusterIP', selector: { 'app.kubernetes.io/name': name }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] } });
      if (chance(0.7)) {
        const selector = chance(0.15) ? { matchLabels: { app: name } } : { matchLabels: { 'app.kubernetes.io/name': name } };
        emit({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: ns, uid: uid(), creationTimestamp: ts, labels }, spec: { maxUnavailable: 1, selector }, status: { currentHealthy: replicas, desiredHealthy: replicas - 1, disruptionsAllowed: 1, expectedPods: replicas } });
      }
      if (chance(0.5)) {
        emit({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name, namespace: ns, uid: uid(), creationTimestamp: ts, labels }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] } });
      }
    }
    // A database per namespace: a StatefulSet with 3 pods and a volume claim template.
    const dbLabels = { 'app.kubernetes.io/name': 'postgres', 'backstage.io/kubernetes-id': `${ns}-postgres` };
    const stsUid = uid();
    const dbSpec = { serviceAccountName: 'default', containers: [{ name: 'postgres', image: 'docker.io/library/postgres:16.4', ports: [{ containerPort: 5432, name: 'pg' }], resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '1Gi' } }, volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }], readinessProbe: { exec: { command: ['pg_isready'] }, periodSeconds: 10 } }] };
    emit({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'postgres', namespace: ns, uid: stsUid, creationTimestamp: ts, labels: dbLabels }, spec: { replicas: 3, serviceName: 'postgres', selector: { matchLabels: { 'app.kubernetes.io/name': 'postgres' } }, template: { metadata: { labels: dbLabels }, spec: dbSpec }, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } } }] }, status: { replicas: 3, readyReplicas: 3 } });
    for (let p = 0; p < 3; p++) {
      emit({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `postgres-${p}`, namespace: ns, uid: uid(), creationTimestamp: ts, labels: { ...dbLabels, 'statefulset.kubernetes.io/pod-name': `postgres-${p}` }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'postgres', uid: stsUid, controller: true }] }, spec: { ...dbSpec, nodeName: `node-${Math.floor(rand() * 300)}`, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: `data-postgres-${p}` } }] }, status: { phase: 'Running', qosClass: 'Burstable' } });
    }
  }
  return counts;
}

function main() {
  const args = process.argv.slice(2);
  const get = (flag, dflt) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const namespaces = Number(get('--namespaces', '1000'));
  const seed = Number(get('--seed', '42'));
  const out = get('--out', path.join(__dirname, `../output/cluster-${namespaces}.json`));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const fd = fs.openSync(out, 'w');
  let buffer = '{"apiVersion":"v1","kind":"List","metadata":{"resourceVersion":""},"items":[';
  let first = true;
  const flush = () => {
    fs.writeSync(fd, buffer);
    buffer = '';
  };
  const counts = generate({
    namespaces,
    seed,
    write: obj => {
      buffer += (first ? '' : ',') + JSON.stringify(obj);
      first = false;
      if (buffer.length > 1 << 20) flush();
    },
  });
  buffer += ']}\n';
  flush();
  fs.closeSync(fd);
  const bytes = fs.statSync(out).size;
  console.log(JSON.stringify({ out, namespaces, seed, objects: counts.objects, pods: counts.pods, bytes }));
}

if (require.main === module) main();
module.exports = { generate };

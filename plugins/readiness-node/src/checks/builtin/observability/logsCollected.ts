import { ClusterIndex } from '../../../cluster/ClusterIndex';
import { KubernetesObject } from '../../../objects';
import { createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';

/** Log shippers recognised by image name. */
const SHIPPERS = ['fluent-bit', 'fluentd', 'promtail', 'alloy', 'vector', 'opentelemetry-collector'];

/** `fluent-bit` also matches `fluentbit`; a shipper name must be a whole word of the image name. */
const SHIPPER_PATTERNS = SHIPPERS.map(s => ({
  shipper: s,
  pattern: new RegExp(`(^|[-_.])${s.replace(/-/g, '[-_.]?')}($|[-_.])`),
}));

/**
 * The repository name of an image without registry, tag or digest, lower-cased:
 * `cr.fluentbit.io/fluent/fluent-bit:3.1@sha256:..` -> `fluent-bit`.
 */
function imageName(image: unknown): string | undefined {
  if (typeof image !== 'string' || image === '') return undefined;
  const withoutDigest = image.split('@')[0];
  const last = withoutDigest.split('/').pop() ?? '';
  return last.split(':')[0].toLowerCase() || undefined;
}

/** The shipper an image runs: `fluent-bit` for `aws-for-fluent-bit`, `opentelemetry-collector` for `opentelemetry-collector-contrib`. */
function shipperOf(image: unknown): string | undefined {
  const name = imageName(image);
  if (!name) return undefined;
  return SHIPPER_PATTERNS.find(p => p.pattern.test(name))?.shipper;
}

interface LogShipper {
  daemonSet: KubernetesObject;
  shipper: string;
  path: string;
  /** Set when the DaemonSet's status shows it runs no ready pod. */
  notRunning?: string;
}

/** Every DaemonSet of the cluster running a log shipper, found once per cluster. */
function logShippers(index: ClusterIndex): LogShipper[] {
  return index.memoize('observability/logs-collected/shippers', () => {
    const out: LogShipper[] = [];
    for (const ds of index.list('DaemonSet')) {
      const containers = ds.spec?.template?.spec?.containers;
      if (!Array.isArray(containers)) continue;
      const i = containers.findIndex((c: any) => shipperOf(c?.image) !== undefined);
      if (i < 0) continue;
      const status = ds.status;
      // Manifests carry no status: judge the spec. A live DaemonSet with no ready pod ships nothing.
      const notRunning =
        typeof status?.numberReady === 'number' && status.numberReady === 0
          ? `DaemonSet ${ds.metadata.namespace}/${ds.metadata.name} has 0 ready pods (desired ${status.desiredNumberScheduled ?? 0})`
          : undefined;
      out.push({ daemonSet: ds, shipper: shipperOf(containers[i].image)!, path: `spec.template.spec.containers[${i}].image`, notRunning });
    }
    return out;
  });
}

/** logs-collected: container logs outlive the pods that wrote them. */
export const logsCollected = createReadinessCheck({
  id: 'logs-collected',
  domain: 'observability',
  severity: 'low',
  scope: 'cluster',
  title: 'The cluster ships container logs to a central store',
  rationale:
    "Container logs live on the node and vanish with the pod; without a log shipper the evidence of a crash is gone by the time someone looks, and logs cannot be searched across replicas.",
  remediation: {
    text:
      'Run a log shipper as a DaemonSet on every node (Fluent Bit, Fluentd, Promtail, Grafana Alloy, Vector or the OpenTelemetry Collector), reading /var/log/pods and sending to your log store; the Helm charts of these projects do this.',
    snippet: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluent-bit
  namespace: logging
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: fluent-bit
  template:
    metadata:
      labels:
        app.kubernetes.io/name: fluent-bit
    spec:
      serviceAccountName: fluent-bit
      tolerations:
        - operator: Exists          # run on every node, tainted ones included
      containers:
        - name: fluent-bit
          image: cr.fluentbit.io/fluent/fluent-bit:3.1.9
          volumeMounts:
            - name: varlog
              mountPath: /var/log
              readOnly: true
      volumes:
        - name: varlog
          hostPath:
            path: /var/log`,
  },
  requires: ['daemonsets'],
  evaluate({ index }) {
    const shippers = logShippers(index);
    const running = shippers.filter(s => !s.notRunning);
    if (running.length > 0) {
      const [first] = running;
      return {
        status: 'pass',
        message: `${first.shipper} runs as DaemonSet ${first.daemonSet.metadata.namespace}/${first.daemonSet.metadata.name}`,
        evidence: running.map(s => objectEvidence(s.daemonSet, s.path)),
      };
    }
    if (shippers.length > 0) {
      return {
        status: 'fail',
        message: `no log shipper is running: ${shippers.map(s => s.notRunning).join('; ')}`,
        evidence: shippers.map(s => objectEvidence(s.daemonSet, 'status.numberReady')),
      };
    }
    return {
      status: 'fail',
      message: `cluster ${index.cluster} runs no log-shipper DaemonSet (looked for images of ${SHIPPERS.join(', ')} in ${index.list('DaemonSet').length} DaemonSet(s))`,
    };
  },
});

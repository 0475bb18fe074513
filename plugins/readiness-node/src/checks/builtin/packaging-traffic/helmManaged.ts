import { createReadinessCheck } from '../../types';
import { workloadEvidence } from '../../util';

const MANAGED_BY = 'app.kubernetes.io/managed-by';
const CHART = 'helm.sh/chart';

/** helm-managed: the workload is installed as a versioned release, not applied by hand. */
export const helmManaged = createReadinessCheck({
  id: 'helm-managed',
  domain: 'packaging-traffic',
  severity: 'medium',
  scope: 'workload',
  title: 'The workload is packaged as a Helm release',
  rationale:
    'A workload applied by hand has no recorded version, values or history: nobody can tell what is deployed, reproduce it in another cluster, or roll the whole release (Service, config, RBAC) back together.',
  remediation: {
    text: 'Package the service as a Helm chart (installed by helm, Argo CD or Flux) whose templates carry the standard labels, so every object is traceable to a chart version and release.',
    snippet: `# the labels the standard chart helpers (helm create) render on every object
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
  labels:
    helm.sh/chart: cart-1.4.2
    app.kubernetes.io/name: cart
    app.kubernetes.io/instance: cart
    app.kubernetes.io/version: "1.4.2"
    app.kubernetes.io/managed-by: Helm`,
  },
  evaluate({ workload }) {
    const labels: Record<string, unknown> = workload.object.metadata.labels ?? {};
    const what = `${workload.ref.kind} '${workload.ref.name}'`;
    const managedBy = typeof labels[MANAGED_BY] === 'string' ? (labels[MANAGED_BY] as string) : undefined;
    const chart = typeof labels[CHART] === 'string' ? (labels[CHART] as string) : undefined;
    if (managedBy?.toLowerCase() === 'helm') {
      return { status: 'pass', message: `${what} is managed by Helm${chart ? ` (chart ${chart})` : ''}` };
    }
    if (chart) return { status: 'pass', message: `${what} comes from Helm chart ${chart}` };
    return {
      status: 'fail',
      message: `${what} carries neither label ${MANAGED_BY}: Helm nor ${CHART}${managedBy ? ` (it is managed by ${managedBy})` : ''}`,
      evidence: [workloadEvidence(workload, 'metadata.labels')],
    };
  },
});

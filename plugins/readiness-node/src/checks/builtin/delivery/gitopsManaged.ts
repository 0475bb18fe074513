import { createReadinessCheck } from '../../types';
import { objectEvidence, workloadEvidence } from '../../util';
import { argoTracking, fluxTracking, INSTANCE_LABELS, managedObjects, qualifiedName, TRACKING_ID } from './gitops';

/** gitops-managed: what runs is what Git says. */
export const gitopsManaged = createReadinessCheck({
  id: 'gitops-managed',
  domain: 'delivery',
  severity: 'high',
  scope: 'workload',
  title: 'The workload is deployed by GitOps',
  rationale:
    'A workload applied by hand cannot be reviewed, reproduced or rolled back from Git; after an incident or a cluster rebuild nobody knows which version and configuration should run.',
  remediation: {
    text:
      'Deploy the workload from Git with an Argo CD Application (or a Flux Kustomization/HelmRelease) so that the controller applies it and marks it with its tracking annotation or labels.',
    snippet: `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: cart
  namespace: argocd
spec:
  project: shop
  source:
    repoURL: https://github.com/acme/shop-deploy.git
    targetRevision: main
    path: apps/cart
  destination:
    server: https://kubernetes.default.svc
    namespace: shop
  syncPolicy:
    automated:
      prune: true
      selfHeal: true`,
  },
  // No `requires`: Flux labels and Argo CD tracking ids decide without listing Applications; the
  // check answers `unknown` itself when only an Application it could not list would decide.
  evaluate({ workload, index }) {
    const objects = managedObjects(workload, index);
    const flux = fluxTracking(objects);
    if (flux) {
      const where = flux.namespace ? `${flux.namespace}/${flux.name}` : flux.name;
      return {
        status: 'pass',
        message: `applied by Flux ${flux.kind} ${where}`,
        evidence: [objectEvidence(flux.object, flux.path)],
      };
    }

    const argo = argoTracking(workload, index);
    if (argo.applications.length > 0) {
      const [{ application, via }] = argo.applications;
      return {
        status: 'pass',
        message: `tracked by Argo CD Application ${qualifiedName(application)} (${via})`,
        evidence: [
          objectEvidence(application),
          ...argo.trackingIds.map(t => objectEvidence(t.object, t.path)),
          ...argo.instanceLabels.map(l => objectEvidence(l.object, l.path)),
        ],
      };
    }
    if (argo.trackingIds.length > 0) {
      // Only Argo CD writes a tracking id naming the object itself; its Application may live in
      // another cluster (a central Argo CD managing this one).
      const [{ id, object, path }] = argo.trackingIds;
      return {
        status: 'pass',
        message: `tracked by Argo CD Application '${id.appNamespace ? `${id.appNamespace}/` : ''}${id.app}' (annotation ${TRACKING_ID}; the Application is not in this cluster)`,
        evidence: [objectEvidence(object, path)],
      };
    }

    const missing = index.missing('applications');
    if (argo.instanceLabels.length > 0 && missing) {
      const [label] = argo.instanceLabels;
      return {
        status: 'unknown',
        message: `label ${label.key}: ${label.value} may name an Argo CD Application, but Applications could not be read (${missing.reason})`,
        evidence: [objectEvidence(label.object, label.path)],
      };
    }

    const reasons = [`no ${TRACKING_ID} annotation naming it`];
    if (argo.instanceLabels.length > 0) {
      reasons.push(
        `no Argo CD Application deploying to namespace '${workload.ref.namespace}' is named ${argo.instanceLabels
          .map(l => `'${l.value}' (label ${l.key})`)
          .join(' or ')}`,
      );
    } else {
      reasons.push(`no ${INSTANCE_LABELS.join(' or ')} label`);
    }
    reasons.push('no Flux kustomize.toolkit.fluxcd.io/name or helm.toolkit.fluxcd.io/name label');
    const copied = argo.foreignTrackingIds.map(
      f => ` (its ${TRACKING_ID} "${f.value}" names another object: copied from elsewhere, Argo CD ignores it)`,
    );
    return {
      status: 'fail',
      message: `${workload.ref.kind} ${workload.ref.name} is not tracked by GitOps: ${reasons.join(', ')}${copied.join('')}`,
      evidence: [
        workloadEvidence(workload, 'metadata'),
        ...argo.foreignTrackingIds.map(f => objectEvidence(f.object, f.path)),
      ],
    };
  },
});

import { CheckOutcome, createReadinessCheck } from '../../types';
import { objectEvidence } from '../../util';
import { ApplicationMatch, argoTracking, fluxTracking, managedObjects, qualifiedName, TRACKING_ID } from './gitops';

function judgeApplication({ application, via }: ApplicationMatch): CheckOutcome {
  const name = `Argo CD Application ${qualifiedName(application)}`;
  const automated = application.spec?.syncPolicy?.automated;
  const evidence = (path: string) => [objectEvidence(application, path)];
  if (automated === null || typeof automated !== 'object' || Array.isArray(automated)) {
    return {
      status: 'fail',
      message: `${name} (matched by ${via}) syncs manually: spec.syncPolicy.automated is not set, so drift stays until someone syncs`,
      evidence: evidence('spec.syncPolicy'),
    };
  }
  if (automated.enabled === false) {
    return {
      status: 'fail',
      message: `${name} (matched by ${via}) has automated sync disabled (spec.syncPolicy.automated.enabled: false)`,
      evidence: evidence('spec.syncPolicy.automated.enabled'),
    };
  }
  if (automated.selfHeal !== true) {
    return {
      status: 'fail',
      message: `${name} (matched by ${via}) syncs automatically but without selfHeal: changes made in the cluster are not reverted`,
      evidence: evidence('spec.syncPolicy.automated.selfHeal'),
    };
  }
  return {
    status: 'pass',
    message: `${name} (matched by ${via}) has syncPolicy.automated.selfHeal: true`,
    evidence: evidence('spec.syncPolicy.automated.selfHeal'),
  };
}

/** gitops-self-heal: drift from Git is reverted, not kept. */
export const gitopsSelfHeal = createReadinessCheck({
  id: 'gitops-self-heal',
  domain: 'delivery',
  severity: 'medium',
  scope: 'workload',
  title: 'GitOps reverts drift from Git',
  rationale:
    'Without self-heal a hot-fix applied with kubectl silently diverges from Git and is lost, or resurrected, at the next sync; what runs is no longer what was reviewed.',
  remediation: {
    text:
      "Enable automated sync with selfHeal on the workload's Argo CD Application, so that Argo CD reverts changes made in the cluster; make deliberate changes in Git.",
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
      selfHeal: true     # revert changes made in the cluster`,
  },
  // No `requires`: Flux passes without Argo CD installed; the check answers `unknown` itself
  // when Applications cannot be listed.
  evaluate({ workload, index }) {
    const flux = fluxTracking(managedObjects(workload, index));
    if (flux) {
      return {
        status: 'pass',
        message: `applied by Flux ${flux.kind} ${flux.namespace ? `${flux.namespace}/` : ''}${flux.name}, which reverts drift at every reconciliation`,
        evidence: [objectEvidence(flux.object, flux.path)],
      };
    }

    const missing = index.missing('applications');
    if (missing) {
      return { status: 'unknown', message: `cannot read Argo CD Applications: ${missing.reason}` };
    }

    const argo = argoTracking(workload, index);
    if (argo.applications.length > 0) return judgeApplication(argo.applications[0]);

    if (argo.trackingIds.length > 0) {
      const [{ id, object, path }] = argo.trackingIds;
      return {
        status: 'unknown',
        message: `tracked by Argo CD Application '${id.app}' (annotation ${TRACKING_ID}), which is not in cluster ${index.cluster}; its sync policy cannot be read`,
        evidence: [objectEvidence(object, path)],
      };
    }
    return {
      status: 'not-applicable',
      message: `${workload.ref.kind} ${workload.ref.name} is not managed by Argo CD or Flux (see gitops-managed)`,
    };
  },
});

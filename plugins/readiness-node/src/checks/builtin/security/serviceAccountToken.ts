/*
 * How the ServiceAccount token of a workload's pods is mounted, and which RBAC bindings grant
 * that ServiceAccount permissions. Shared by dedicated-service-account and
 * token-automount-disabled so both answer the same question the same way.
 */
import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { ClusterIndex } from '../../../cluster/ClusterIndex';
import { Workload } from '../../../cluster/workloads';
import { KubernetesObject } from '../../../objects';
import { objectEvidence, podSpecField, workloadEvidence } from '../../util';
import { podSpecOf, record } from './containerSecurity';

/** Whether the pods get a ServiceAccount token, and why. */
export interface TokenMount {
  /** The ServiceAccount the pods run as (`default` when the pod spec names none). */
  serviceAccountName: string;
  /** The ServiceAccount object, when it is in the index. */
  serviceAccount?: KubernetesObject;
  /** Whether the token is automounted; undefined when that depends on a ServiceAccount that cannot be read. */
  mounted: boolean | undefined;
  /** What decided it (or why it cannot be decided), for messages. */
  because: string;
  evidence: CheckEvidence[];
}

/**
 * The ServiceAccount name the pods run as. Like the API server: `serviceAccountName`, else the
 * deprecated `serviceAccount`, else `default`; a non-string value counts as unset.
 */
export function serviceAccountNameOf(workload: Workload): string {
  const spec = podSpecOf(workload);
  for (const value of [spec.serviceAccountName, spec.serviceAccount]) {
    if (typeof value === 'string' && value.trim()) return value;
  }
  return 'default';
}

/**
 * Whether the pods automount the token. The pod's `automountServiceAccountToken` overrides the
 * ServiceAccount's; when neither sets it the token is mounted. The `default` ServiceAccount is
 * created by Kubernetes in every namespace without the field, so when it is absent from input
 * that could list ServiceAccounts (manifests) it is taken as that Kubernetes-made one; any other
 * absent ServiceAccount leaves the answer undecided.
 */
export function tokenMountOf(
  workload: Workload,
  index: ClusterIndex,
): TokenMount {
  const name = serviceAccountNameOf(workload);
  const namespace = workload.ref.namespace;
  const serviceAccount = index.get('ServiceAccount', namespace, name);
  const podPath = podSpecField(workload, 'automountServiceAccountToken');
  const podSetting = podSpecOf(workload).automountServiceAccountToken;
  const saSetting = serviceAccount
    ? serviceAccount.automountServiceAccountToken
    : undefined;
  const saEvidence = serviceAccount
    ? [objectEvidence(serviceAccount, 'automountServiceAccountToken')]
    : [];

  if (typeof podSetting === 'boolean') {
    let overrides = '';
    if (typeof saSetting === 'boolean' && saSetting !== podSetting) {
      overrides = `, overriding ServiceAccount '${name}' which sets ${saSetting}`;
    } else if (!serviceAccount) {
      // Not needed for the answer, but worth knowing.
      const unreadable = index.missing('ServiceAccount');
      overrides = unreadable
        ? ` (ServiceAccounts cannot be read: ${unreadable.reason})`
        : ` (ServiceAccount '${name}' is not in the input)`;
    }
    return {
      serviceAccountName: name,
      serviceAccount,
      mounted: podSetting,
      because: `automountServiceAccountToken: ${podSetting} on the pod${overrides}`,
      evidence: [workloadEvidence(workload, podPath), ...saEvidence],
    };
  }
  if (serviceAccount) {
    if (typeof saSetting === 'boolean') {
      return {
        serviceAccountName: name,
        serviceAccount,
        mounted: saSetting,
        because: `ServiceAccount '${name}' sets automountServiceAccountToken: ${saSetting} and the pod does not override it`,
        evidence: saEvidence,
      };
    }
    return {
      serviceAccountName: name,
      serviceAccount,
      mounted: true,
      because: `neither the pod nor ServiceAccount '${name}' sets automountServiceAccountToken, which defaults to true`,
      evidence: [workloadEvidence(workload, podPath), ...saEvidence],
    };
  }
  const unreadable = index.missing('ServiceAccount');
  if (unreadable) {
    return {
      serviceAccountName: name,
      mounted: undefined,
      because: `the pod does not set automountServiceAccountToken and ServiceAccount '${name}' cannot be read (${unreadable.reason})`,
      evidence: [workloadEvidence(workload, podPath)],
    };
  }
  if (name === 'default') {
    return {
      serviceAccountName: name,
      mounted: true,
      because:
        "the pod does not set automountServiceAccountToken and ServiceAccount 'default' is not in the input: Kubernetes creates it without the field, so the token is mounted",
      evidence: [workloadEvidence(workload, podPath)],
    };
  }
  return {
    serviceAccountName: name,
    mounted: undefined,
    because: `the pod does not set automountServiceAccountToken and ServiceAccount '${name}' is not in the input, so whether it disables the token is unknown`,
    evidence: [workloadEvidence(workload, podPath)],
  };
}

/** RBAC bindings that grant a ServiceAccount permissions, and the binding kinds that could not be read. */
export interface ServiceAccountBindings {
  found: KubernetesObject[];
  /** Why a binding kind could not be read, one line per kind. */
  unreadable: string[];
}

function namesServiceAccount(
  binding: KubernetesObject,
  namespace: string,
  name: string,
): boolean {
  const subjects: unknown[] = Array.isArray(binding.subjects)
    ? binding.subjects
    : [];
  return subjects.some(raw => {
    const s = record(raw);
    switch (s.kind) {
      case 'ServiceAccount':
        return (
          s.name === name &&
          (s.namespace ?? binding.metadata.namespace) === namespace
        );
      case 'User':
        return s.name === `system:serviceaccount:${namespace}:${name}`;
      case 'Group':
        // Only the namespace's own group: `system:serviceaccounts` is bound cluster-wide by
        // default (service-account-issuer-discovery) and says nothing about this workload.
        return s.name === `system:serviceaccounts:${namespace}`;
      default:
        return false;
    }
  });
}

/**
 * RoleBindings (in any namespace: a RoleBinding elsewhere may grant this ServiceAccount access
 * there) and ClusterRoleBindings whose subjects name the ServiceAccount, as a ServiceAccount, as
 * its `system:serviceaccount:<ns>:<name>` user, or through its namespace's group.
 */
export function bindingsOf(
  index: ClusterIndex,
  namespace: string,
  name: string,
): ServiceAccountBindings {
  const found = [
    ...index.list('RoleBinding'),
    ...index.list('ClusterRoleBinding'),
  ].filter(b => namesServiceAccount(b, namespace, name));
  const unreadable = ['RoleBinding', 'ClusterRoleBinding'].flatMap(kind => {
    const missing = index.missing(kind);
    return missing ? [`${kind}s cannot be read (${missing.reason})`] : [];
  });
  return { found, unreadable };
}

/** `RoleBinding 'shop/reader'`, `ClusterRoleBinding 'viewer'`. */
export function describeBinding(binding: KubernetesObject): string {
  const ns = binding.metadata.namespace;
  return `${binding.kind} '${ns ? `${ns}/` : ''}${binding.metadata.name}'`;
}

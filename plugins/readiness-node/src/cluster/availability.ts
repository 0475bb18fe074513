import { KNOWN_KINDS } from '../kinds';
import { KubernetesObject } from '../objects';
import { groupOf, MissingKind } from './ClusterIndex';

/** Groups every conformant Kubernetes API server serves. */
const BUILT_IN_GROUPS = new Set(['', 'apps', 'batch', 'networking.k8s.io', 'policy', 'autoscaling', 'rbac.authorization.k8s.io']);

/**
 * For offline input (manifests, snapshots) there is no discovery: a custom resource kind counts
 * as served when the input holds its CustomResourceDefinition or any object of its API group.
 * Otherwise it is missing, so checks that need it say `unknown` rather than a false `fail`.
 * @public
 */
export function inferMissingKinds(objects: KubernetesObject[]): MissingKind[] {
  const groups = new Set<string>();
  const crds = new Set<string>();
  for (const obj of objects) {
    groups.add(groupOf(obj.apiVersion));
    if (obj.kind === 'CustomResourceDefinition') crds.add(obj.metadata.name);
  }
  return KNOWN_KINDS.filter(
    k => !BUILT_IN_GROUPS.has(k.group) && !groups.has(k.group) && !crds.has(`${k.plural}.${k.group}`),
  ).map(k => ({
    plural: k.plural,
    reason: `no ${k.kind} (${k.group}) objects or CustomResourceDefinition in the input`,
  }));
}

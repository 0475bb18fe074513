import {
  KNOWN_KINDS,
  KubernetesObject,
} from '@prodready/plugin-readiness-node';

/** One resource the double can serve, as a CustomResourceDefinition or a built-in type describes it. @public */
export interface ResourceDefinition {
  /** API group; '' for the core group. */
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
  kind: string;
  /** Plural resource name (the URL segment). */
  plural: string;
  namespaced: boolean;
  shortNames?: string[];
}

/**
 * API groups a Kubernetes API server serves without any CRD. `autoscaling.k8s.io` (VPA) and
 * `metrics.k8s.io` look built-in but are installed separately, so they are not listed.
 */
export const BUILT_IN_GROUPS: ReadonlySet<string> = new Set([
  '',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
]);

/** Built-in kinds the engine does not read but real clusters (and the example snapshot) have. */
const OTHER_BUILT_INS: ResourceDefinition[] = [
  {
    group: '',
    versions: ['v1'],
    kind: 'ConfigMap',
    plural: 'configmaps',
    namespaced: true,
    shortNames: ['cm'],
  },
  {
    group: '',
    versions: ['v1'],
    kind: 'Endpoints',
    plural: 'endpoints',
    namespaced: true,
    shortNames: ['ep'],
  },
  {
    group: '',
    versions: ['v1'],
    kind: 'Event',
    plural: 'events',
    namespaced: true,
    shortNames: ['ev'],
  },
  {
    group: '',
    versions: ['v1'],
    kind: 'Node',
    plural: 'nodes',
    namespaced: false,
    shortNames: ['no'],
  },
  {
    group: '',
    versions: ['v1'],
    kind: 'PersistentVolume',
    plural: 'persistentvolumes',
    namespaced: false,
    shortNames: ['pv'],
  },
  {
    group: '',
    versions: ['v1'],
    kind: 'ReplicationController',
    plural: 'replicationcontrollers',
    namespaced: true,
    shortNames: ['rc'],
  },
  {
    group: 'apps',
    versions: ['v1'],
    kind: 'ControllerRevision',
    plural: 'controllerrevisions',
    namespaced: true,
  },
  {
    group: 'rbac.authorization.k8s.io',
    versions: ['v1'],
    kind: 'Role',
    plural: 'roles',
    namespaced: true,
  },
  {
    group: 'rbac.authorization.k8s.io',
    versions: ['v1'],
    kind: 'ClusterRole',
    plural: 'clusterroles',
    namespaced: false,
  },
  {
    group: 'scheduling.k8s.io',
    versions: ['v1'],
    kind: 'PriorityClass',
    plural: 'priorityclasses',
    namespaced: false,
    shortNames: ['pc'],
  },
  {
    group: 'storage.k8s.io',
    versions: ['v1'],
    kind: 'StorageClass',
    plural: 'storageclasses',
    namespaced: false,
    shortNames: ['sc'],
  },
  {
    group: 'coordination.k8s.io',
    versions: ['v1'],
    kind: 'Lease',
    plural: 'leases',
    namespaced: true,
  },
  {
    group: 'discovery.k8s.io',
    versions: ['v1'],
    kind: 'EndpointSlice',
    plural: 'endpointslices',
    namespaced: true,
  },
  {
    group: 'apiextensions.k8s.io',
    versions: ['v1'],
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
    namespaced: false,
    shortNames: ['crd', 'crds'],
  },
];

/** Every definition the double knows by heart: the engine's kinds plus common built-ins. */
export const KNOWN_RESOURCES: ReadonlyArray<ResourceDefinition> = [
  ...KNOWN_KINDS.map(k => ({
    group: k.group,
    versions: [...k.versions],
    kind: k.kind,
    plural: k.plural,
    namespaced: k.namespaced,
  })),
  ...OTHER_BUILT_INS,
];

/** The resources a server with no CRDs installed serves. */
export const BUILT_IN_RESOURCES: ReadonlyArray<ResourceDefinition> =
  KNOWN_RESOURCES.filter(r => BUILT_IN_GROUPS.has(r.group));

/** The API group and version of an apiVersion (`apps/v1`, `v1`). */
export function splitApiVersion(apiVersion: string): {
  group: string;
  version: string;
} {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : {
        group: apiVersion.slice(0, slash),
        version: apiVersion.slice(slash + 1),
      };
}

/** The plural a CRD author would most likely choose, as `kubectl` guesses it. */
export function guessPlural(kind: string): string {
  const lower = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

const VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/**
 * Kubernetes version priority (GA > beta > alpha, higher numbers first, then other strings),
 * as the API server orders the versions of a group.
 */
export function compareVersions(a: string, b: string): number {
  const ma = VERSION.exec(a);
  const mb = VERSION.exec(b);
  if (!ma || !mb) {
    if (ma) return -1;
    if (mb) return 1;
    return a.localeCompare(b);
  }
  const stability = (m: RegExpExecArray) => {
    if (m[2] === undefined) return 2;
    return m[2] === 'beta' ? 1 : 0;
  };
  if (stability(ma) !== stability(mb)) return stability(mb) - stability(ma);
  if (Number(ma[1]) !== Number(mb[1])) return Number(mb[1]) - Number(ma[1]);
  return Number(mb[3] ?? 0) - Number(ma[3] ?? 0);
}

/** `plural.group` of a CRD name, or the plural of a known kind, to a definition. */
export function resolveResourceName(
  name: string,
): ResourceDefinition | undefined {
  const dot = name.indexOf('.');
  const plural = dot < 0 ? name : name.slice(0, dot);
  const group = dot < 0 ? undefined : name.slice(dot + 1);
  return KNOWN_RESOURCES.find(
    r => r.plural === plural && (group === undefined || r.group === group),
  );
}

/** The definition an object is served under: a registered or known one, else one guessed from the object. */
export function definitionForObject(
  obj: KubernetesObject,
  registered: ReadonlyArray<ResourceDefinition>,
): ResourceDefinition {
  const { group, version } = splitApiVersion(obj.apiVersion);
  const known =
    registered.find(r => r.group === group && r.kind === obj.kind) ??
    KNOWN_RESOURCES.find(r => r.group === group && r.kind === obj.kind);
  if (known) return known;
  return {
    group,
    versions: [version],
    kind: obj.kind,
    plural: guessPlural(obj.kind),
    namespaced:
      typeof obj.metadata?.namespace === 'string' &&
      obj.metadata.namespace !== '',
  };
}

/** `group/plural` (or `plural` for the core group): the key of a resource in the double. */
export function resourceKey(group: string, plural: string): string {
  return group ? `${group}/${plural}` : plural;
}

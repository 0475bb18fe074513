import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { KubernetesObject } from '../objects';
import { containerPath, podSpecPath, Workload } from '../cluster/workloads';

/** A container of a workload's pod template with its field path. @public */
export interface ContainerEntry {
  container: any;
  name: string;
  index: number;
  init: boolean;
  /** e.g. `spec.template.spec.containers[0]` */
  path: string;
}

/**
 * The containers of a workload's pod template. `init: true` includes init containers (the
 * security checks do; the probe checks do not). Native sidecars (init containers with
 * `restartPolicy: Always`) are long-running and are included in both when `sidecars` is set.
 * @public
 */
export function containersOf(workload: Workload, options: { init?: boolean; sidecars?: boolean } = {}): ContainerEntry[] {
  const spec = workload.template.spec ?? {};
  const out: ContainerEntry[] = [];
  (Array.isArray(spec.containers) ? spec.containers : []).forEach((c: any, i: number) =>
    out.push({ container: c ?? {}, name: String(c?.name ?? `#${i}`), index: i, init: false, path: containerPath(workload, i) }),
  );
  (Array.isArray(spec.initContainers) ? spec.initContainers : []).forEach((c: any, i: number) => {
    const sidecar = c?.restartPolicy === 'Always';
    if (options.init || (options.sidecars && sidecar)) {
      out.push({ container: c ?? {}, name: String(c?.name ?? `#${i}`), index: i, init: true, path: containerPath(workload, i, true) });
    }
  });
  return out;
}

/** Evidence pointing at a field of the workload object. @public */
export function workloadEvidence(workload: Workload, path?: string): CheckEvidence {
  return { kind: workload.ref.kind, namespace: workload.ref.namespace, name: workload.ref.name, ...(path ? { path } : {}) };
}

/** Evidence pointing at another object (a PDB, a Service, a Namespace...). @public */
export function objectEvidence(obj: KubernetesObject, path?: string): CheckEvidence {
  return {
    kind: obj.kind,
    ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
    name: obj.metadata.name,
    ...(path ? { path } : {}),
  };
}

/** The pod spec field path of a workload plus a suffix, e.g. `spec.template.spec.hostNetwork`. @public */
export function podSpecField(workload: Workload, field: string): string {
  return `${podSpecPath(workload)}.${field}`;
}

/** `container 'a'`, `containers 'a', 'b'` and `init container 'x'`, for messages. @public */
export function describeContainers(entries: ContainerEntry[]): string {
  const names = entries.map(e => `${e.init ? 'init container' : 'container'} '${e.name}'`);
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** Parses a Kubernetes quantity (`250m`, `1.5`, `256Mi`, `1G`) to a number (cores or bytes); undefined when malformed. @public */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (Number.isNaN(n)) return undefined;
  const suffixes: Record<string, number> = {
    '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
    Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6,
  };
  const factor = suffixes[m[2]];
  return factor === undefined ? undefined : n * factor;
}

/*
 * Helpers shared by the security checks that judge every container of a pod template (init
 * containers included). Every reader here tolerates malformed input: a field of the wrong type
 * counts as unset, it never throws.
 */
import { CheckEvidence } from '@prodready/plugin-readiness-common';
import { Workload } from '../../../cluster/workloads';
import { CheckOutcome } from '../../types';
import {
  ContainerEntry,
  containersOf,
  describeContainers,
  podSpecField,
  workloadEvidence,
} from '../../util';

/** The value when it is a plain object, else an empty one. */
export function record(value: unknown): Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, any>)
    : {};
}

/** The pod spec of a workload's template (empty when malformed). */
export function podSpecOf(workload: Workload): Record<string, any> {
  return record(workload.template?.spec);
}

/** The pod-level `securityContext`. */
export function podSecurityContext(workload: Workload): Record<string, any> {
  return record(podSpecOf(workload).securityContext);
}

/** A container's own `securityContext`. */
export function containerSecurityContext(
  entry: ContainerEntry,
): Record<string, any> {
  return record(record(entry.container).securityContext);
}

/** Every container the security checks look at: regular, then init containers. */
export function securityContainers(workload: Workload): ContainerEntry[] {
  return containersOf(workload, { init: true });
}

/** A field that a container's securityContext may set and the pod's may default. */
export interface EffectiveField<T> {
  value: T | undefined;
  /** Where the value in force was set; undefined when set nowhere. */
  from?: 'container' | 'pod';
  /** Field path of the setting in force, for evidence. */
  path?: string;
}

/**
 * The value in force of a field that exists on both the pod and the container securityContext
 * (runAsUser, runAsNonRoot, seccompProfile, ...): the container's overrides the pod's. A value
 * failing `valid` counts as unset.
 */
export function effectiveField<T>(
  workload: Workload,
  entry: ContainerEntry,
  field: string,
  valid: (value: unknown) => value is T,
): EffectiveField<T> {
  const own = containerSecurityContext(entry)[field];
  if (valid(own)) {
    return {
      value: own,
      from: 'container',
      path: `${entry.path}.securityContext.${field}`,
    };
  }
  const pod = podSecurityContext(workload)[field];
  if (valid(pod)) {
    return {
      value: pod,
      from: 'pod',
      path: podSpecField(workload, `securityContext.${field}`),
    };
  }
  return { value: undefined };
}

export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
export const isInteger = (v: unknown): v is number => Number.isInteger(v);

/** `container 'a'` or `init container 'b'`. */
export function containerLabel(entry: ContainerEntry): string {
  return describeContainers([entry]);
}

/** The outcome when a pod template has no container to judge. */
export function noContainers(): CheckOutcome {
  return { status: 'unknown', message: 'the pod template has no containers' };
}

/**
 * A pass message: `container 'app' <one>` for a single container, else
 * `all 3 containers (1 init container) <many>`.
 */
export function allContainers(
  entries: ContainerEntry[],
  one: string,
  many: string,
): string {
  return entries.length === 1
    ? `${describeContainers(entries)} ${one}`
    : `all ${countContainers(entries)} ${many}`;
}

/** `3 containers` or `3 containers (1 init container)`, for pass messages. */
export function countContainers(entries: ContainerEntry[]): string {
  const init = entries.filter(e => e.init).length;
  const all = `${entries.length} container${entries.length === 1 ? '' : 's'}`;
  return init ? `${all} (${init} init container${init === 1 ? '' : 's'})` : all;
}

/** One container's fault: what is wrong (singular and plural wording) and where. */
export interface ContainerFinding {
  entry: ContainerEntry;
  /** E.g. `does not set allowPrivilegeEscalation: false` (one container). */
  one: string;
  /** The same for several containers, e.g. `do not set allowPrivilegeEscalation: false`. */
  many: string;
  /** Field path at fault. */
  path: string;
}

/** Joins parts with `; `, keeping the first `max` and counting the rest. */
export function joinParts(parts: string[], max = 5): string {
  if (parts.length <= max) return parts.join('; ');
  return `${parts.slice(0, max).join('; ')}; and ${parts.length - max} more`;
}

/** Evidence for distinct field paths of the workload, in order. */
export function pathEvidence(
  workload: Workload,
  paths: string[],
): CheckEvidence[] {
  return [...new Set(paths)].map(p => workloadEvidence(workload, p));
}

/**
 * Judges every container with `judge` (undefined = fine). Containers failing for the same
 * reason are named together: `containers 'a', 'b' do not set ...`.
 */
export function judgeContainers(
  workload: Workload,
  judge: (entry: ContainerEntry) => ContainerFinding | undefined,
  passMessage: (entries: ContainerEntry[]) => string,
): CheckOutcome {
  const entries = securityContainers(workload);
  if (entries.length === 0) return noContainers();
  const findings = entries
    .map(judge)
    .filter((f): f is ContainerFinding => f !== undefined);
  if (findings.length === 0) {
    return { status: 'pass', message: passMessage(entries) };
  }
  const groups = new Map<string, ContainerFinding[]>();
  for (const f of findings) {
    const group = groups.get(f.one);
    if (group) group.push(f);
    else groups.set(f.one, [f]);
  }
  const parts = [...groups.values()].map(group => {
    const who = describeContainers(group.map(f => f.entry));
    return `${who} ${group.length === 1 ? group[0].one : group[0].many}`;
  });
  return {
    status: 'fail',
    message: joinParts(parts),
    evidence: pathEvidence(
      workload,
      findings.map(f => f.path),
    ),
  };
}

import { KubernetesObject } from '../../../objects';

/** `minAvailable: 1`, `maxUnavailable: 25%`, or `neither minAvailable nor maxUnavailable`. */
export function describePdbRule(pdb: KubernetesObject): string {
  const spec = pdb.spec ?? {};
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) return `maxUnavailable: ${spec.maxUnavailable}`;
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) return `minAvailable: ${spec.minAvailable}`;
  return 'neither minAvailable nor maxUnavailable';
}

/**
 * An int-or-string scaled against `total` as the disruption controller does
 * (`intstr.GetScaledValueFromIntOrPercent(v, total, roundUp=true)`): integers as is,
 * `"NN%"` rounded up. Undefined when the value is neither (the API server rejects it).
 */
export function scaledIntOrPercent(value: unknown, total: number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+)%$/.exec(value);
  return m ? Math.ceil((Number(m[1]) * total) / 100) : undefined;
}

/** The field that rules a PDB: maxUnavailable wins over minAvailable, as in the disruption controller. */
export function pdbRuleField(pdb: KubernetesObject): 'maxUnavailable' | 'minAvailable' | undefined {
  const spec = pdb.spec ?? {};
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) return 'maxUnavailable';
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) return 'minAvailable';
  return undefined;
}

/**
 * How many of `expected` healthy pods a PDB lets the eviction API remove at once
 * (status.disruptionsAllowed when every pod is healthy), following
 * `DisruptionController.getExpectedPodCount`: with maxUnavailable, desiredHealthy =
 * max(0, expected - maxUnavailable); with minAvailable, desiredHealthy = minAvailable; with
 * neither, 0. Undefined when the ruling value is malformed.
 */
export function allowedDisruptions(pdb: KubernetesObject, expected: number): number | undefined {
  const field = pdbRuleField(pdb);
  if (!field) return expected;
  const scaled = scaledIntOrPercent(pdb.spec[field], expected);
  if (scaled === undefined) return undefined;
  const desiredHealthy = field === 'maxUnavailable' ? Math.max(0, expected - scaled) : scaled;
  return Math.max(0, expected - desiredHealthy);
}

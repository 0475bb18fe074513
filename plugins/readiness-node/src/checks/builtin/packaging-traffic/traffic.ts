import { ClusterIndex } from '../../../cluster/ClusterIndex';
import { CheckOutcome } from '../../types';

/**
 * `unknown` when one of the built-in kinds the traffic checks follow (Services, Ingresses) could
 * not be listed: with the list forbidden, "no Service" would be a guess, not a finding.
 */
export function unreadableKinds(index: ClusterIndex, plurals: string[]): CheckOutcome | undefined {
  for (const plural of plurals) {
    const missing = index.missing(plural);
    if (missing) return { status: 'unknown', message: `cannot read ${plural} in cluster ${index.cluster}: ${missing.reason}` };
  }
  return undefined;
}

/** Whether a TLS host (possibly `*.example.com`) covers a rule host, case-insensitively. */
export function tlsHostCovers(tlsHost: string, host: string): boolean {
  const t = tlsHost.toLowerCase();
  const h = host.toLowerCase();
  if (t === h) return true;
  if (t.startsWith('*.') && !h.startsWith('*.')) {
    const dot = h.indexOf('.');
    return dot > 0 && h.slice(dot) === t.slice(1);
  }
  return false;
}

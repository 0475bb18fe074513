import {
  AcceptedRisk,
  StoredAcceptedRiskResponse,
} from '@prodready/plugin-readiness-common';
import { mergeAcceptedRisks } from './AcceptedRisksCard';

const now = new Date('2026-11-21T09:00:00Z');
const annotation: AcceptedRisk = {
  checkId: 'run-as-non-root',
  entityRef: 'component:default/web',
  reason: 'nginx needs root',
  expiresAt: '2026-01-31',
  source: 'annotation',
};
const inReport: AcceptedRisk = {
  id: 'w-1',
  checkId: 'resource-requests',
  entityRef: 'component:default/web',
  reason: 'load test next sprint',
  expiresAt: '2027-01-31',
  source: 'api',
  expired: false,
};
const stored = (
  risk: Partial<StoredAcceptedRiskResponse>,
): StoredAcceptedRiskResponse =>
  ({
    ...inReport,
    author: 'user:default/alice',
    createdAt: '2026-11-01T10:00:00Z',
    ...risk,
  } as StoredAcceptedRiskResponse);

describe('mergeAcceptedRisks', () => {
  it('keeps the report risks, computing expiry when the report does not say', () => {
    const rows = mergeAcceptedRisks([annotation, inReport], undefined, now);
    expect(rows.map(r => [r.checkId, r.expired, r.source, r.id])).toEqual([
      ['resource-requests', false, 'api', 'w-1'],
      ['run-as-non-root', true, 'annotation', undefined],
    ]);
  });

  it('adds the author of API risks and the ones recorded since the last evaluation', () => {
    const rows = mergeAcceptedRisks(
      [inReport],
      [
        stored({}),
        stored({ id: 'w-2', checkId: 'readiness-probe', reason: 'new' }),
      ],
      now,
    );
    expect(rows).toHaveLength(2);
    const existing = rows.find(r => r.id === 'w-1')!;
    expect(existing.author).toBe('user:default/alice');
    expect(existing.pending).toBeUndefined();
    expect(rows.find(r => r.id === 'w-2')).toMatchObject({
      pending: 'applies',
      source: 'api',
    });
  });

  it('marks a revoked risk still in the report as lifting, and drops revoked ones not in it', () => {
    const rows = mergeAcceptedRisks(
      [{ ...inReport, id: undefined }],
      [
        stored({ revokedAt: '2026-11-21T08:00:00Z' }),
        stored({ id: 'w-3', checkId: 'x', revokedAt: '2026-11-20T00:00:00Z' }),
      ],
      now,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'w-1', pending: 'lifts' });
  });
});

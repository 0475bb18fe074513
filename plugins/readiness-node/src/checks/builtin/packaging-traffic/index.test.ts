import { parseAllDocuments } from 'yaml';
import { packagingTrafficChecks } from './index';

describe('packagingTrafficChecks', () => {
  it('holds every packaging-traffic check of the catalog, in order', () => {
    expect(packagingTrafficChecks.map(c => c.id)).toEqual([
      'helm-managed',
      'readiness-probe',
      'liveness-probe',
      'probes-distinct',
      'ingress-tls',
      'tls-certificate-managed',
      'no-nodeport-exposure',
    ]);
    expect(packagingTrafficChecks.every(c => c.domain === 'packaging-traffic')).toBe(true);
    expect(packagingTrafficChecks.map(c => c.severity)).toEqual(['medium', 'critical', 'high', 'high', 'high', 'medium', 'medium']);
  });

  it.each(packagingTrafficChecks.map(c => [c.id, c] as const))('%s has a title, a rationale and a remediation snippet that parses as YAML', (_id, check) => {
    expect(check.title).toBeTruthy();
    expect(check.rationale.length).toBeGreaterThan(40);
    expect(check.remediation.snippet).toBeTruthy();
    const documents = parseAllDocuments(check.remediation.snippet!);
    expect(documents.flatMap(doc => doc.errors)).toEqual([]);
  });
});

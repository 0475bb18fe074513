import { parseAllDocuments } from 'yaml';
import { supplyChainChecks } from './index';

describe('supplyChainChecks', () => {
  it('holds every supply-chain check of the catalog, in order', () => {
    expect(supplyChainChecks.map(c => c.id)).toEqual([
      'image-tag-pinned',
      'image-digest-pinned',
      'image-registry-allowed',
      'image-vulnerability-scan',
      'no-secret-literals-in-env',
    ]);
    expect(supplyChainChecks.every(c => c.domain === 'supply-chain')).toBe(true);
    expect(supplyChainChecks.map(c => c.severity)).toEqual(['critical', 'medium', 'high', 'high', 'critical']);
  });

  it.each(supplyChainChecks.map(c => [c.id, c] as const))('%s has a title, a rationale and a remediation snippet that parses as YAML', (_id, check) => {
    expect(check.title).toBeTruthy();
    expect(check.rationale.length).toBeGreaterThan(40);
    expect(check.remediation.snippet).toBeTruthy();
    const documents = parseAllDocuments(check.remediation.snippet!);
    expect(documents.flatMap(doc => doc.errors)).toEqual([]);
  });
});

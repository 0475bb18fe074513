import { parseAllDocuments } from 'yaml';
import { securityChecks } from './index';

describe('securityChecks', () => {
  it('holds every security check of the catalog, in catalog order, with its default severity and scope', () => {
    expect(securityChecks.map(c => [c.id, c.severity, c.scope])).toEqual([
      ['dedicated-service-account', 'critical', 'workload'],
      ['token-automount-disabled', 'medium', 'workload'],
      ['pod-security-restricted', 'high', 'namespace'],
      ['run-as-non-root', 'critical', 'workload'],
      ['no-privilege-escalation', 'high', 'workload'],
      ['capabilities-dropped', 'high', 'workload'],
      ['read-only-root-filesystem', 'medium', 'workload'],
      ['seccomp-profile', 'medium', 'workload'],
      ['no-host-access', 'critical', 'workload'],
      ['network-policy', 'medium', 'namespace'],
    ]);
    expect(new Set(securityChecks.map(c => c.domain))).toEqual(
      new Set(['security']),
    );
  });

  it.each(securityChecks.map(c => [c.id, c] as const))(
    '%s has a rationale and a remediation with a valid YAML snippet',
    (_id, check) => {
      expect(check.title.length).toBeGreaterThan(10);
      expect(check.rationale.length).toBeGreaterThan(40);
      expect(check.remediation.text.length).toBeGreaterThan(20);
      const docs = parseAllDocuments(check.remediation.snippet ?? '');
      const list = Array.isArray(docs) ? docs : [docs];
      expect(list.length).toBeGreaterThan(0);
      for (const doc of list) {
        expect(doc.errors).toEqual([]);
        expect(doc.toJS()).toEqual(expect.any(Object));
      }
    },
  );
});

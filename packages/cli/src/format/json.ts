import { AuditReport } from './types';

/**
 * The `--format json` document (contracts.md): `{ summary, workloads, errors }` with
 * summary.verdict/score/level/coverage/domains.<id>.score and, per workload, its ref and results
 * (checkId, domain, severity, status, message, evidence). Fields are only ever added, never renamed.
 */
export function auditJson(report: AuditReport): object {
  const { result } = report;
  const { summary } = result;
  return {
    summary: {
      verdict: summary.verdict,
      score: summary.score,
      level: summary.level,
      levelName: summary.levelNames[summary.level],
      coverage: summary.coverage,
      domains: summary.domains,
      counts: summary.counts,
      failing: summary.failing,
      blockers: summary.blockers,
      entityRef: summary.entityRef,
      state: summary.state,
      cluster: result.cluster,
      workloadCount: result.workloads.length,
      evaluatedAt: summary.evaluatedAt,
      checks: summary.checks.map(c => ({
        checkId: c.checkId,
        domain: c.domain,
        severity: c.severity,
        status: c.status,
        message: c.message,
        ...(c.waiver ? { waiver: c.waiver } : {}),
      })),
      acceptedRisks: summary.acceptedRisks,
      configurationErrors: summary.configurationErrors,
      skippedChecks: result.skippedChecks,
      missingKinds: result.missingKinds.map(m => m.plural),
    },
    gate: { failOn: report.failOn, passed: report.gatePassed },
    workloads: result.workloads.map(w => {
      const location = report.locate(w.ref);
      return {
        ref: w.ref,
        ...(location ? { location } : {}),
        results: w.results.map(r => ({
          checkId: r.checkId,
          domain: r.domain,
          severity: r.severity,
          status: r.status,
          message: r.message,
          evidence: r.evidence,
          ...(r.waiver ? { waiver: r.waiver } : {}),
        })),
      };
    }),
    errors: result.errors,
  };
}

export function formatJson(report: AuditReport): string {
  return `${JSON.stringify(auditJson(report), null, 2)}\n`;
}

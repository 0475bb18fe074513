import { AuditReport } from './types';

/**
 * The `--format json` document (contracts.md): `{ summary, workloads, errors }` with
 * summary.verdict/score/level/coverage/domains.<id>.score and, per workload, its ref and results
 * (checkId, domain, severity, status, message, evidence). Fields are only ever added, never renamed.
 */
export function auditJson(report: AuditReport): object {
  return {
    summary: summaryJson(report),
    gate: { failOn: report.failOn, passed: report.gatePassed },
    workloads: report.result.workloads.map(w => workloadJson(report, w)),
    errors: report.result.errors,
  };
}

function summaryJson(report: AuditReport) {
  const { result } = report;
  const { summary } = result;
  return {
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
  };
}

function workloadJson(report: AuditReport, w: AuditReport['result']['workloads'][number]) {
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
}

/** The document indented for a person. */
export function formatJson(report: AuditReport): string {
  return `${JSON.stringify(auditJson(report), null, 2)}\n`;
}

/**
 * Writes the document: indented on a terminal; compact and streamed workload by workload
 * otherwise, so auditing a whole cluster never holds the full output in memory (a 1000-namespace
 * dump yields hundreds of megabytes of results). Same document either way.
 */
export function writeJson(report: AuditReport, out: { write(text: string): unknown; isTTY?: boolean }): void {
  if (out.isTTY) {
    out.write(formatJson(report));
    return;
  }
  out.write(`{"summary":${JSON.stringify(summaryJson(report))},"gate":${JSON.stringify({ failOn: report.failOn, passed: report.gatePassed })},"workloads":[`);
  let chunk = '';
  report.result.workloads.forEach((w, i) => {
    chunk += (i > 0 ? ',' : '') + JSON.stringify(workloadJson(report, w));
    if (chunk.length > 1 << 20) {
      out.write(chunk);
      chunk = '';
    }
  });
  out.write(`${chunk}],"errors":${JSON.stringify(report.result.errors)}}\n`);
}

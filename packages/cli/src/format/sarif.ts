import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CheckMetadata,
  CheckResult,
  CheckSeverity,
  WorkloadRef,
} from '@prodready/plugin-readiness-common';
import { STDIN } from '../input';
import { AuditReport } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';

type SarifLevel = 'error' | 'warning' | 'note';

/** critical and high: error, medium: warning, low: note. */
export function sarifLevel(severity: CheckSeverity): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

/** `readiness-probe` -> `ReadinessProbe`. */
function ruleName(id: string): string {
  return id
    .split('-')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function rule(check: CheckMetadata) {
  const { text, snippet } = check.remediation;
  return {
    id: check.id,
    name: ruleName(check.id),
    shortDescription: { text: check.title },
    fullDescription: { text: check.rationale },
    help: {
      text: snippet ? `${text}\n\n${snippet}` : text,
      markdown: snippet ? `${text}\n\n\`\`\`yaml\n${snippet}\n\`\`\`` : text,
    },
    defaultConfiguration: {
      level: sarifLevel(check.severity),
      enabled: check.enabled,
    },
    properties: {
      tags: [check.domain, check.severity],
      domain: check.domain,
      severity: check.severity,
      scope: check.scope,
    },
  };
}

function fingerprint(checkId: string, ref: WorkloadRef): string {
  return createHash('sha256')
    .update(
      `${checkId}\u0000${ref.cluster}\u0000${ref.namespace}\u0000${ref.kind}\u0000${ref.name}`,
    )
    .digest('hex');
}

/** A relative path as a relative URI reference; an absolute one (outside the working directory) as a file: URI. */
function artifactUri(file: string): string {
  return path.isAbsolute(file) ? pathToFileURL(file).href : encodeURI(file);
}

function location(report: AuditReport, ref: WorkloadRef) {
  const source = report.locate(ref);
  return {
    ...(source && source.file !== STDIN
      ? {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(source.file) },
            ...(source.line ? { region: { startLine: source.line } } : {}),
          },
        }
      : {}),
    logicalLocations: [
      {
        name: ref.name,
        fullyQualifiedName: `${ref.kind}/${ref.namespace}/${ref.name}`,
        kind: 'resource',
      },
    ],
  };
}

function result(
  report: AuditReport,
  ref: WorkloadRef,
  r: CheckResult,
  ruleIndex: number,
) {
  const out: Record<string, unknown> = {
    ruleId: r.checkId,
    ruleIndex,
    level: sarifLevel(r.severity),
    message: { text: `${ref.kind} ${ref.namespace}/${ref.name}: ${r.message}` },
    locations: [location(report, ref)],
    partialFingerprints: {
      'prodready/workload-check/v1': fingerprint(r.checkId, ref),
    },
    properties: {
      domain: r.domain,
      severity: r.severity,
      status: r.status,
      evidence: r.evidence,
    },
  };
  if (r.status === 'waived' && r.waiver) {
    out.suppressions = [
      {
        kind: 'external',
        status: 'accepted',
        justification: `${r.waiver.reason} (accepted until ${
          r.waiver.expiresAt
        }${r.waiver.author ? ` by ${r.waiver.author}` : ''}, ${
          r.waiver.source === 'annotation'
            ? `annotation prodready.dev/accept.${r.checkId} on ${r.waiver.entityRef}`
            : 'Prodready API'
        })`,
      },
    ];
  }
  return out;
}

/**
 * SARIF 2.1.0 for code scanning: one rule per check in force, one result per failing or waived
 * (suppressed, with the accepted risk as justification) check on a workload, located at the
 * object's document in its file when it came from one, and always by kind/namespace/name.
 */
export function auditSarif(report: AuditReport): object {
  const { result: audit } = report;
  const rules = audit.checks.filter(c => c.enabled);
  const ruleIndex = new Map(rules.map((c, i) => [c.id, i]));
  const results = audit.workloads.flatMap(w =>
    w.results
      .filter(
        r =>
          (r.status === 'fail' || r.status === 'waived') &&
          ruleIndex.has(r.checkId),
      )
      .map(r => result(report, w.ref, r, ruleIndex.get(r.checkId)!)),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'prodready',
            semanticVersion: report.version,
            version: report.version,
            rules: rules.map(rule),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: audit.errors.map(message => ({
              level: 'warning',
              message: { text: message },
            })),
          },
        ],
        results,
        properties: {
          verdict: audit.summary.verdict,
          score: audit.summary.score,
          level: audit.summary.level,
          coverage: audit.summary.coverage,
          gate: { failOn: report.failOn, passed: report.gatePassed },
        },
      },
    ],
  };
}

export function formatSarif(report: AuditReport): string {
  return `${JSON.stringify(auditSarif(report), null, 2)}\n`;
}

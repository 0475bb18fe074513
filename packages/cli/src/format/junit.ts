import { CheckMetadata, CheckResult } from '@prodready/plugin-readiness-common';
import { AuditReport } from './types';

/** Escapes text for XML attributes and content, dropping characters XML 1.0 cannot carry. */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}

function failureDetails(
  r: CheckResult,
  meta: CheckMetadata | undefined,
): string {
  const lines = [`severity: ${r.severity}`, `status: ${r.status}`, r.message];
  if (r.waiver?.expired)
    lines.push(
      `accepted risk expired on ${r.waiver.expiresAt}: ${r.waiver.reason}`,
    );
  for (const e of r.evidence) {
    lines.push(
      `at ${e.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.name}${
        e.path ? ` ${e.path}` : ''
      }`,
    );
  }
  if (meta) {
    lines.push('', `fix: ${meta.remediation.text}`);
    if (meta.remediation.snippet) lines.push(meta.remediation.snippet);
  }
  return lines.join('\n');
}

function testcase(
  r: CheckResult,
  meta: CheckMetadata | undefined,
  indent: string,
): string {
  const head = `${indent}<testcase${attrs({
    classname: r.domain,
    name: r.checkId,
    time: 0,
  })}`;
  switch (r.status) {
    case 'fail':
      return `${head}>\n${indent}  <failure${attrs({
        message: r.message,
        type: r.severity,
      })}>${xmlEscape(
        failureDetails(r, meta),
      )}</failure>\n${indent}</testcase>`;
    case 'not-applicable':
      return `${head}>\n${indent}  <skipped/>\n${indent}</testcase>`;
    case 'unknown':
      return `${head}>\n${indent}  <skipped${attrs({
        message: `unknown: ${r.message}`,
      })}/>\n${indent}</testcase>`;
    case 'waived':
      return `${head}>\n${indent}  <system-out>${xmlEscape(
        `waived: ${r.message}\naccepted until ${r.waiver?.expiresAt ?? '?'}: ${
          r.waiver?.reason ?? ''
        }`,
      )}</system-out>\n${indent}</testcase>`;
    default:
      return `${head}/>`;
  }
}

/**
 * JUnit XML for CI test reports: one testsuite per workload, one testcase per check on it
 * (classname = domain, name = check id); `failure` for fail, `skipped` for not-applicable and
 * (with a message) unknown; waived checks pass with the accepted risk in system-out. Input and
 * entity configuration problems form one more testsuite, `prodready input`, as errors/failures.
 */
export function formatJunit(report: AuditReport): string {
  const { result } = report;
  const metaById = new Map(result.checks.map(c => [c.id, c]));
  const timestamp = result.summary.evaluatedAt.replace(/\.\d+Z$/, 'Z');
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  let errors = 0;

  for (const w of result.workloads) {
    const f = w.results.filter(r => r.status === 'fail').length;
    const s = w.results.filter(
      r => r.status === 'not-applicable' || r.status === 'unknown',
    ).length;
    tests += w.results.length;
    failures += f;
    skipped += s;
    const location = report.locate(w.ref);
    const properties = [
      ['cluster', w.ref.cluster],
      ['kind', w.ref.kind],
      ['namespace', w.ref.namespace],
      ['name', w.ref.name],
      ...(location ? [['file', `${location.file}:${location.line}`]] : []),
    ]
      .map(([name, value]) => `      <property${attrs({ name, value })}/>`)
      .join('\n');
    suites.push(
      [
        `  <testsuite${attrs({
          name: `${w.ref.kind} ${w.ref.namespace}/${w.ref.name}`,
          tests: w.results.length,
          failures: f,
          errors: 0,
          skipped: s,
          time: 0,
          timestamp,
          ...(location ? { file: location.file } : {}),
        })}>`,
        `    <properties>\n${properties}\n    </properties>`,
        ...w.results.map(r => testcase(r, metaById.get(r.checkId), '    ')),
        '  </testsuite>',
      ].join('\n'),
    );
  }

  const configErrors = result.summary.configurationErrors.map(
    e => `${e.source}: ${e.message}`,
  );
  const inputErrors = result.errors.filter(e => !configErrors.includes(e));
  if (inputErrors.length + configErrors.length > 0) {
    const cases = [
      ...inputErrors.map(
        (message, i) =>
          `    <testcase${attrs({
            classname: 'input',
            name: `input-${i + 1}`,
            time: 0,
          })}>\n      <error${attrs({
            message,
            type: 'input',
          })}/>\n    </testcase>`,
      ),
      ...configErrors.map(
        (message, i) =>
          `    <testcase${attrs({
            classname: 'configuration',
            name: `configuration-${i + 1}`,
            time: 0,
          })}>\n      <failure${attrs({
            message,
            type: 'configuration',
          })}/>\n    </testcase>`,
      ),
    ];
    tests += cases.length;
    errors += inputErrors.length;
    failures += configErrors.length;
    suites.push(
      [
        `  <testsuite${attrs({
          name: 'prodready input',
          tests: cases.length,
          failures: configErrors.length,
          errors: inputErrors.length,
          skipped: 0,
          time: 0,
          timestamp,
        })}>`,
        ...cases,
        '  </testsuite>',
      ].join('\n'),
    );
  }

  const summary = result.summary;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({
      name: `prodready ${report.version}: ${
        summary.verdict === 'go' ? 'GO' : 'NO-GO'
      }, score ${summary.score ?? 'n/d'}, level ${
        summary.levelNames[summary.level]
      }`,
      tests,
      failures,
      errors,
      skipped,
      time: 0,
    })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

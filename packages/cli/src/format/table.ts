import {
  CHECK_SEVERITIES,
  CheckMetadata,
  CheckResult,
  CheckStatus,
  CheckStatusCounts,
  checkStatusRank,
  FailingBySeverity,
  READINESS_DOMAINS,
} from '@prodready/plugin-readiness-common';
import { AuditReport } from './types';
import {
  percent,
  severityColor,
  STATUS_SYMBOLS,
  statusColor,
  Style,
  visibleLength,
  wrapText,
} from './style';

/** Options of the table format. */
export interface TableOptions {
  style: Style;
  /** Lines never exceed this many columns (at most 120). */
  width: number;
  /** Also list not-applicable checks, and every passing check with its message. */
  verbose: boolean;
}

const MAX_WIDTH = 120;
/** Columns of a check line before its id: indent (4), symbol and space (2), severity (9). */
const ID_COLUMN = 15;

function severityRank(severity: string): number {
  const rank = (CHECK_SEVERITIES as readonly string[]).indexOf(severity);
  return rank < 0 ? CHECK_SEVERITIES.length : rank;
}

/** `text` wrapped after a coloured prefix of `prefixWidth` columns, continuation lines indented. */
function block(
  prefix: string,
  text: string,
  width: number,
  indent: number,
  color: (t: string) => string = t => t,
): string[] {
  const prefixWidth = visibleLength(prefix);
  const lines = wrapText(text, width - prefixWidth, width - indent);
  return lines.map((line, i) =>
    i === 0 ? `${prefix}${color(line)}` : `${' '.repeat(indent)}${color(line)}`,
  );
}

/** `text` cut at a word boundary to fit `width` columns, with an ellipsis when cut. */
function truncate(text: string, width: number): string {
  if (text.length <= width) return text;
  const cut = text.slice(0, Math.max(1, width - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > width / 2 ? cut.slice(0, space) : cut).replace(
    /[\s,;:]+$/,
    '',
  )}…`;
}

/** The first sentence of a remediation text. */
function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text.trim());
  return m ? m[1] : text.trim();
}

/** The per-workload counts, as coloured parts packed into lines of `width` columns. */
function countsLines(
  counts: CheckStatusCounts,
  failing: FailingBySeverity,
  style: Style,
  width: number,
  withNotApplicable: boolean,
): string[] {
  const bySeverity = CHECK_SEVERITIES.filter(s => failing[s] > 0).map(
    s => `${failing[s]} ${s}`,
  );
  const parts = [
    statusColor(
      style,
      counts.fail > 0 ? 'fail' : 'pass',
    )(
      `${STATUS_SYMBOLS.fail} ${counts.fail} fail${
        bySeverity.length ? ` (${bySeverity.join(', ')})` : ''
      }`,
    ),
    statusColor(
      style,
      'unknown',
    )(`${STATUS_SYMBOLS.unknown} ${counts.unknown} unknown`),
    statusColor(
      style,
      'waived',
    )(`${STATUS_SYMBOLS.waived} ${counts.waived} waived`),
    statusColor(style, 'pass')(`${STATUS_SYMBOLS.pass} ${counts.pass} pass`),
    ...(withNotApplicable
      ? [style.gray(`${counts['not-applicable']} not applicable`)]
      : []),
  ];
  return packParts('  ', parts, style.gray(' · '), width, 4);
}

/**
 * Coloured parts joined by `separator` after `prefix`, packed into lines of `width` columns
 * without splitting a part; continuation lines are indented by `indent`.
 */
function packParts(
  prefix: string,
  parts: string[],
  separator: string,
  width: number,
  indent: number,
): string[] {
  const lines: string[] = [];
  let line = prefix;
  let empty = true;
  for (const part of parts) {
    if (empty) line += part;
    else if (
      visibleLength(line) + visibleLength(separator) + visibleLength(part) <=
      width
    ) {
      line += `${separator}${part}`;
    } else {
      lines.push(line);
      line = `${' '.repeat(indent)}${part}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function tally(results: CheckResult[]): {
  counts: CheckStatusCounts;
  failing: FailingBySeverity;
} {
  const counts: CheckStatusCounts = {
    fail: 0,
    unknown: 0,
    waived: 0,
    pass: 0,
    'not-applicable': 0,
  };
  const failing: FailingBySeverity = {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
  };
  for (const r of results) {
    counts[r.status] += 1;
    if (r.status === 'fail') failing[r.severity] += 1;
  }
  return { counts, failing };
}

function checkLines(
  result: CheckResult,
  meta: CheckMetadata | undefined,
  options: TableOptions,
): string[] {
  const { style, width } = options;
  const color = statusColor(style, result.status);
  const label = result.status === 'not-applicable' ? 'n/a' : result.severity;
  const severity =
    result.status === 'fail'
      ? severityColor(style, result.severity)(label)
      : style.gray(label);
  const prefix = `    ${color(
    STATUS_SYMBOLS[result.status],
  )} ${severity}${' '.repeat(Math.max(1, 9 - label.length))}${style.bold(
    result.checkId,
  )}: `;
  let text = result.message;
  if (result.waiver && result.status === 'waived') {
    text += ` (risk accepted until ${result.waiver.expiresAt}: ${result.waiver.reason})`;
  } else if (result.waiver?.expired && result.status === 'fail') {
    text += ` (accepted risk expired on ${result.waiver.expiresAt})`;
  }
  const lines = block(
    prefix,
    text,
    width,
    ID_COLUMN,
    result.status === 'pass' || result.status === 'not-applicable'
      ? style.dim
      : undefined,
  );
  if (result.status === 'fail' && meta) {
    // The first sentence of the remediation, on at most two lines; docs/checks/<id>.md has the rest.
    const hint = wrapText(
      firstSentence(meta.remediation.text),
      width - ID_COLUMN - 5,
    );
    if (hint.length > 2)
      hint.splice(
        1,
        hint.length - 1,
        truncate(hint.slice(1).join(' '), width - ID_COLUMN - 5),
      );
    hint.forEach((line, i) =>
      lines.push(
        `${' '.repeat(ID_COLUMN)}${
          i === 0 ? `${style.cyan('fix:')} ` : '     '
        }${style.dim(line)}`,
      ),
    );
  }
  return lines;
}

/** The compact line of passing (or not-applicable) check ids of a domain. */
function idListLines(
  status: CheckStatus,
  ids: string[],
  options: TableOptions,
): string[] {
  const { style, width } = options;
  const label = status === 'pass' ? 'pass' : 'n/a';
  const prefix = `    ${statusColor(
    style,
    status,
  )(STATUS_SYMBOLS[status])} ${style.gray(label)}${' '.repeat(
    9 - label.length,
  )}`;
  return block(prefix, ids.join(', '), width, ID_COLUMN, style.dim);
}

function workloadSection(
  report: AuditReport,
  workload: AuditReport['result']['workloads'][number],
  metaById: Map<string, CheckMetadata>,
  options: TableOptions,
): string[] {
  const { style, width } = options;
  const lines: string[] = [];
  const { ref } = workload;
  const location = report.locate(ref);
  const title = style.bold(`${ref.kind} ${ref.namespace}/${ref.name}`);
  lines.push(
    location
      ? `${title}  ${style.gray(
          truncate(
            `${location.file}:${location.line}`,
            width - visibleLength(title) - 2,
          ),
        )}`
      : title,
  );
  const { counts, failing } = tally(workload.results);
  lines.push(...countsLines(counts, failing, style, width, options.verbose));

  for (const domain of READINESS_DOMAINS) {
    const results = workload.results
      .filter(r => r.domain === domain.id)
      .sort(
        (a, b) =>
          checkStatusRank(a.status) - checkStatusRank(b.status) ||
          severityRank(a.severity) - severityRank(b.severity),
      );
    const shown = options.verbose
      ? results
      : results.filter(r => r.status !== 'not-applicable');
    if (shown.length === 0) continue;
    lines.push(`  ${style.bold(domain.title)} ${style.gray(`(${domain.id})`)}`);
    const passing = shown.filter(r => r.status === 'pass');
    for (const r of shown) {
      if (r.status === 'pass' || r.status === 'not-applicable') continue;
      lines.push(...checkLines(r, metaById.get(r.checkId), options));
    }
    if (options.verbose) {
      for (const r of shown) {
        if (r.status === 'pass')
          lines.push(...checkLines(r, metaById.get(r.checkId), options));
      }
      const na = shown.filter(r => r.status === 'not-applicable');
      for (const r of na)
        lines.push(...checkLines(r, metaById.get(r.checkId), options));
    } else if (passing.length > 0) {
      lines.push(
        ...idListLines(
          'pass',
          passing.map(r => r.checkId),
          options,
        ),
      );
    }
  }
  return lines;
}

function pad(text: string, width: number, right = false): string {
  const gap = ' '.repeat(Math.max(0, width - visibleLength(text)));
  return right ? `${gap}${text}` : `${text}${gap}`;
}

function summarySection(report: AuditReport, options: TableOptions): string[] {
  const { style, width } = options;
  const { result } = report;
  const { summary } = result;
  const lines: string[] = [];
  lines.push(
    style.bold(
      `Summary: ${result.workloads.length} workload${
        result.workloads.length === 1 ? '' : 's'
      } in ${result.cluster}${
        result.entity ? `, entity ${result.entity.ref}` : ''
      }`,
    ),
  );
  const header = `  ${pad('domain', 22)}${pad('score', 6, true)}${pad(
    'coverage',
    10,
    true,
  )}${pad('fail', 6, true)}${pad('unknown', 9, true)}${pad(
    'waived',
    8,
    true,
  )}${pad('pass', 6, true)}`;
  lines.push(style.gray(header));
  for (const domain of READINESS_DOMAINS) {
    const d = summary.domains[domain.id];
    if (!d) continue;
    const score = d.score === null ? style.gray('n/d') : String(d.score);
    lines.push(
      `  ${pad(domain.title, 22)}${pad(score, 6, true)}${pad(
        percent(d.coverage),
        10,
        true,
      )}${pad(
        d.counts.fail ? style.red(String(d.counts.fail)) : '0',
        6,
        true,
      )}${pad(String(d.counts.unknown), 9, true)}${pad(
        String(d.counts.waived),
        8,
        true,
      )}${pad(String(d.counts.pass), 6, true)}`,
    );
  }
  if (summary.blockers.length > 0) {
    lines.push(style.bold('Blocking the release (critical failures):'));
    const byCheck = new Map(summary.checks.map(c => [c.checkId, c]));
    for (const b of summary.blockers) {
      // Which workloads fail it: the message names a container, not its workload.
      const failing = (byCheck.get(b.checkId)?.workloads ?? [])
        .filter(w => w.status === 'fail')
        .map(w => `${w.ref.kind} ${w.ref.namespace}/${w.ref.name}`);
      lines.push(
        ...block(
          `  ${style.red(STATUS_SYMBOLS.fail)} ${style.bold(b.checkId)}${
            failing.length > 0 ? ' ' : ': '
          }`,
          failing.length > 0
            ? `on ${failing.join(', ')}: ${b.message}`
            : b.message,
          width,
          4,
        ),
      );
    }
  }
  if (summary.configurationErrors.length > 0) {
    lines.push(style.bold('Configuration errors (each blocks the release):'));
    for (const e of summary.configurationErrors) {
      lines.push(
        ...block(
          `  ${style.red(STATUS_SYMBOLS.fail)} `,
          `${e.source}: ${e.message}`,
          width,
          4,
        ),
      );
    }
  }
  if (result.skippedChecks.length > 0) {
    lines.push(
      ...block(
        '',
        `Not run without a catalog entity: ${result.skippedChecks.join(
          ', ',
        )}. Add the service's catalog-info.yaml to the input to include them.`,
        width,
        0,
        style.gray,
      ),
    );
  }
  const inputErrors = result.errors.length - summary.configurationErrors.length;
  if (inputErrors > 0) {
    lines.push(
      style.yellow(
        `${inputErrors} input problem${
          inputErrors === 1 ? '' : 's'
        } (skipped documents or objects), listed on stderr.`,
      ),
    );
  }

  const verdict =
    summary.verdict === 'go'
      ? style.bold(style.green('GO'))
      : style.bold(style.red('NO-GO'));
  const failingBySeverity = CHECK_SEVERITIES.filter(
    s => summary.failing[s] > 0,
  ).map(s => `${summary.failing[s]} ${s}`);
  const parts = [
    `score ${summary.score === null ? 'n/d' : summary.score}`,
    `level ${summary.levelNames[summary.level]}`,
    `coverage ${percent(summary.coverage)}`,
    `${summary.counts.fail} fail${
      failingBySeverity.length ? ` (${failingBySeverity.join(', ')})` : ''
    }`,
    `${summary.counts.unknown} unknown`,
    `${summary.counts.waived} waived`,
    `${summary.counts.pass} pass`,
  ];
  lines.push('');
  lines.push(...packParts(`${verdict}  `, parts, ' · ', width, 2));
  const gate = report.gatePassed
    ? style.green(`gate --fail-on ${report.failOn}: passed`)
    : style.red(`gate --fail-on ${report.failOn}: failed (exit 1)`);
  lines.push(gate);
  return lines;
}

/** The table format: for a person in a terminal, grouped by workload then domain, failures first. */
export function formatTable(
  report: AuditReport,
  options: TableOptions,
): string {
  const width = Math.min(MAX_WIDTH, Math.max(60, options.width));
  const opts = { ...options, width };
  const { style } = opts;
  const { result } = report;
  const metaById = new Map(result.checks.map(c => [c.id, c]));
  const enabled = result.checks.filter(c => c.enabled).length;
  const lines: string[] = [];
  const ran = enabled - result.skippedChecks.length;
  lines.push(
    ...block(
      `${style.bold('prodready audit')} `,
      `of ${result.workloads.length} workload${
        result.workloads.length === 1 ? '' : 's'
      } in ${result.cluster}${
        result.entity ? ` for ${result.entity.ref}` : ''
      }: ${ran} checks${
        ran === result.checks.length ? '' : ` of ${result.checks.length}`
      }`,
      width,
      2,
    ),
  );
  if (result.workloads.length === 0) {
    lines.push(
      '',
      style.yellow(
        'No workloads in the input (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs or Pods).',
      ),
    );
  }
  for (const workload of result.workloads) {
    lines.push('');
    lines.push(...workloadSection(report, workload, metaById, opts));
  }
  lines.push('');
  lines.push(...summarySection(report, opts));
  return `${lines.join('\n')}\n`;
}

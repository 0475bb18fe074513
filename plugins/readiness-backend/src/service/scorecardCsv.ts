import {
  READINESS_DOMAIN_IDS,
  ReadinessSummary,
} from '@prodready/plugin-readiness-common';

/** Characters that make a spreadsheet read a cell as a formula (or a DDE command). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled.
 * Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` so that a
 * spreadsheet shows it instead of evaluating it (CSV injection). Numbers and booleans are written
 * as they are; null and undefined as an empty cell.
 */
export function csvCell(
  value: string | number | boolean | null | undefined,
): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  let text = value;
  if (text.length > 0 && FORMULA_TRIGGERS.has(text[0])) {
    text = `'${text}`;
  }
  if (/[",\r\n]/.test(text)) {
    text = `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

function csvLine(
  cells: Array<string | number | boolean | null | undefined>,
): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The header line of GET /scorecard.csv: one column per domain, named by its id. */
export function scorecardCsvHeader(): string {
  return csvLine([
    'entity',
    'title',
    'owner',
    'system',
    'lifecycle',
    'verdict',
    'score',
    'level',
    'coverage',
    ...READINESS_DOMAIN_IDS,
    'evaluatedAt',
    'stale',
  ]);
}

/** One scorecard row as a CSV line, in the columns of {@link scorecardCsvHeader}. */
export function scorecardCsvLine(row: ReadinessSummary): string {
  return csvLine([
    row.entityRef,
    row.title,
    row.owner,
    row.system,
    row.lifecycle,
    row.verdict,
    row.score,
    row.level,
    row.coverage,
    ...READINESS_DOMAIN_IDS.map(id => row.domainScores[id]),
    row.evaluatedAt,
    row.stale,
  ]);
}

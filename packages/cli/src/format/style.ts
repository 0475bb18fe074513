import { CheckSeverity, CheckStatus } from '@prodready/plugin-readiness-common';
import { CliIo } from '../io';

/** ANSI styles, or identity functions when colour is off. */
export interface Style {
  enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  cyan(text: string): string;
  gray(text: string): string;
}

const wrap =
  (open: number, close: number) =>
  (text: string): string =>
    text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`;

/** @param enabled - whether to emit ANSI escape codes */
export function createStyle(enabled: boolean): Style {
  if (!enabled) {
    const id = (text: string) => text;
    return {
      enabled,
      bold: id,
      dim: id,
      red: id,
      green: id,
      yellow: id,
      blue: id,
      cyan: id,
      gray: id,
    };
  }
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    cyan: wrap(36, 39),
    gray: wrap(90, 39),
  };
}

/**
 * Whether to colour output written to `stream`: never with `--no-color` or a non-empty NO_COLOR
 * (https://no-color.org); always with FORCE_COLOR set to anything but 0 (CI logs that render ANSI);
 * otherwise only when the stream is a terminal.
 */
export function colorEnabled(
  io: CliIo,
  stream: 'stdout' | 'stderr',
  flag: boolean,
): boolean {
  if (!flag) return false;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false')
    return true;
  return Boolean(io[stream].isTTY);
}

/** The length of a string as displayed: without ANSI escapes. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/** Symbols readable without colour. */
export const STATUS_SYMBOLS: Record<CheckStatus, string> = {
  fail: '✗',
  unknown: '?',
  waived: '~',
  pass: '✓',
  'not-applicable': '-',
};

/** A status symbol (or word) in its colour. */
export function statusColor(
  style: Style,
  status: CheckStatus,
): (t: string) => string {
  switch (status) {
    case 'fail':
      return style.red;
    case 'unknown':
      return style.yellow;
    case 'waived':
      return style.cyan;
    case 'pass':
      return style.green;
    default:
      return style.gray;
  }
}

/** A severity label in its colour. */
export function severityColor(
  style: Style,
  severity: CheckSeverity,
): (t: string) => string {
  switch (severity) {
    case 'critical':
      return (t: string) => style.bold(style.red(t));
    case 'high':
      return style.red;
    case 'medium':
      return style.yellow;
    default:
      return style.gray;
  }
}

/**
 * Splits text into lines of at most `first` columns for the first line and `rest` for the others,
 * at spaces; a word longer than a line is cut.
 */
export function wrapText(text: string, first: number, rest = first): string[] {
  const words = text.split(/\s+/).filter(w => w !== '');
  const lines: string[] = [];
  let line = '';
  const limit = () => Math.max(10, lines.length === 0 ? first : rest);
  for (let word of words) {
    while (word.length > limit() && line === '') {
      lines.push(word.slice(0, limit()));
      word = word.slice(limit());
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= limit()) line += ` ${word}`;
    else {
      lines.push(line);
      line = '';
      while (word.length > limit()) {
        lines.push(word.slice(0, limit()));
        word = word.slice(limit());
      }
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** A percentage of a 0..1 share, rounded down so 99.6% never shows as 100%. */
export function percent(share: number): string {
  return `${Math.floor(share * 100)}%`;
}

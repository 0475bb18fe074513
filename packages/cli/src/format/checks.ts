import {
  CheckMetadata,
  READINESS_DOMAINS,
} from '@prodready/plugin-readiness-common';
import { severityColor, Style, visibleLength, wrapText } from './style';

/** A check in force: its metadata and the options it runs with. */
export interface CheckInForce extends CheckMetadata {
  options: Record<string, unknown>;
}

export function formatChecksJson(checks: CheckInForce[]): string {
  return `${JSON.stringify({ checks }, null, 2)}\n`;
}

function pad(text: string, width: number): string {
  return `${text}${' '.repeat(Math.max(0, width - visibleLength(text)))}`;
}

/** The check catalog in force, by domain: id, severity, scope, title; disabled checks marked. */
export function formatChecksTable(
  checks: CheckInForce[],
  options: { style: Style; width: number },
): string {
  const { style } = options;
  const width = Math.min(120, Math.max(60, options.width));
  const idWidth = Math.max(...checks.map(c => c.id.length), 10) + 2;
  const lines: string[] = [];
  const enabled = checks.filter(c => c.enabled).length;
  lines.push(
    style.bold(`${checks.length} checks, ${enabled} enabled`) +
      style.gray(' (docs/checks/<id>.md describes each one)'),
  );
  for (const domain of READINESS_DOMAINS) {
    const inDomain = checks.filter(c => c.domain === domain.id);
    if (inDomain.length === 0) continue;
    lines.push(
      '',
      `${style.bold(domain.title)} ${style.gray(`(${domain.id})`)}`,
    );
    for (const c of inDomain) {
      const severity = severityColor(style, c.severity)(c.severity);
      const prefix = `  ${pad(
        c.enabled ? c.id : style.gray(c.id),
        idWidth,
      )}${pad(severity, 10)}${pad(style.gray(c.scope), 11)}`;
      const title = c.enabled ? c.title : `${c.title} (disabled)`;
      const indent = visibleLength(prefix);
      wrapText(title, width - indent).forEach((line, i) =>
        lines.push(
          i === 0
            ? `${prefix}${c.enabled ? line : style.gray(line)}`
            : `${' '.repeat(indent)}${line}`,
        ),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

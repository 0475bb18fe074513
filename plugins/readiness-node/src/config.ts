import {
  CHECK_SEVERITIES,
  CheckSeverity,
  READINESS_DOMAIN_IDS,
  READINESS_LEVELS,
  ReadinessDomainId,
  ReadinessLevel,
  ScoringOptions,
} from '@prodready/plugin-readiness-common';
import { LineCounter, parseDocument } from 'yaml';
import { CheckPolicy } from './engine/evaluate';

/** What `readReadinessConfig` makes of a `readiness` block. @public */
export interface ReadinessConfig {
  /** `readiness.checks.<id>`: enabled, severity and every other key as an option. */
  policy: Record<string, CheckPolicy>;
  /** `readiness.levels` and `readiness.domains.<id>.weight`. */
  scoring: ScoringOptions;
  /** Every problem found, each naming its source and config key; the valid parts are still returned. */
  errors: string[];
}

/** Options of `readReadinessConfig`. @public */
export interface ReadReadinessConfigOptions {
  /** The check ids in force; when given, `readiness.checks.<id>` for any other id is an error (a typo would otherwise change nothing). */
  checkIds?: Iterable<string>;
}

/** Keys of the `readiness` block this reader handles. */
const POLICY_KEYS = ['checks', 'levels', 'domains'];
/**
 * Keys of the `readiness` block that belong to the backend or the frontend (schedule, sources, history, catalog,
 * metrics, notifications, docsBaseUrl; see the backend's config.d.ts); read elsewhere, ignored here.
 */
const IGNORED_KEYS = ['schedule', 'sources', 'history', 'catalog', 'metrics', 'notifications', 'docsBaseUrl'];
const CHECK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * Reads the `readiness` block of app-config (or of the CLI's `--config` file) into check policy
 * and scoring options:
 *
 * - `checks.<id>.enabled` (boolean), `checks.<id>.severity` (critical, high, medium, low); every
 *   other key of `checks.<id>` is an option of the check, passed to it as is.
 * - `levels.<gold|silver|bronze|none>`: display names of the levels.
 * - `domains.<id>.weight`: weight of the domain in the overall score (a number >= 0).
 * - `schedule`, `sources` and `history` are the backend's and are ignored; any other key is an error.
 *
 * Never throws: each problem is an error naming the source and the config key, e.g.
 * `app-config: readiness.checks.readiness-probe.severity: must be one of critical, high, medium, low, got "urgent"`,
 * and the invalid entry is left out of the result.
 *
 * @param value - the value of the `readiness` key (undefined or null: no configuration)
 * @param source - what the value was read from, prefixed to every error (a file name, `app-config`)
 * @public
 */
export function readReadinessConfig(
  value: unknown,
  source = 'app-config',
  options: ReadReadinessConfigOptions = {},
): ReadinessConfig {
  const policy: Record<string, CheckPolicy> = {};
  const scoring: ScoringOptions = {};
  const errors: string[] = [];
  const error = (key: string, message: string) =>
    errors.push(`${source}: ${key}: ${message}`);

  if (value === undefined || value === null) return { policy, scoring, errors };
  if (!isPlainObject(value)) {
    error('readiness', `must be an object, got ${describeValue(value)}`);
    return { policy, scoring, errors };
  }

  for (const key of Object.keys(value)) {
    if (!POLICY_KEYS.includes(key) && !IGNORED_KEYS.includes(key)) {
      error(
        `readiness.${key}`,
        `unknown key; expected one of ${[...POLICY_KEYS, ...IGNORED_KEYS].join(
          ', ',
        )}`,
      );
    }
  }

  readChecks(value.checks, policy, error, options);
  const levels = readLevels(value.levels, error);
  if (levels) scoring.levels = levels;
  const domainWeights = readDomains(value.domains, error);
  if (domainWeights) scoring.domainWeights = domainWeights;

  return { policy, scoring, errors };
}

type ErrorSink = (key: string, message: string) => void;

function readChecks(
  value: unknown,
  policy: Record<string, CheckPolicy>,
  error: ErrorSink,
  options: ReadReadinessConfigOptions,
) {
  if (value === undefined || value === null) return;
  if (!isPlainObject(value)) {
    error(
      'readiness.checks',
      `must be an object keyed by check id, got ${describeValue(value)}`,
    );
    return;
  }
  const known = options.checkIds ? new Set(options.checkIds) : undefined;
  for (const [id, block] of Object.entries(value)) {
    const key = `readiness.checks.${id}`;
    if (!CHECK_ID.test(id)) {
      error(
        key,
        `"${id}" is not a check id (kebab-case, e.g. readiness-probe)`,
      );
      continue;
    }
    if (known && !known.has(id)) {
      error(key, `there is no check "${id}"${suggestion(id, known)}`);
      continue;
    }
    if (block === null || block === undefined) {
      policy[id] = {};
      continue;
    }
    if (!isPlainObject(block)) {
      error(
        key,
        `must be an object with enabled, severity or options of the check, got ${describeValue(
          block,
        )}`,
      );
      continue;
    }
    const entry: CheckPolicy = {};
    const checkOptions: Record<string, unknown> = {};
    let valid = true;
    for (const [name, v] of Object.entries(block)) {
      if (name === 'enabled') {
        if (typeof v === 'boolean') entry.enabled = v;
        else {
          error(
            `${key}.enabled`,
            `must be true or false, got ${describeValue(v)}`,
          );
          valid = false;
        }
      } else if (name === 'severity') {
        if (
          typeof v === 'string' &&
          (CHECK_SEVERITIES as readonly string[]).includes(v)
        ) {
          entry.severity = v as CheckSeverity;
        } else {
          error(
            `${key}.severity`,
            `must be one of ${CHECK_SEVERITIES.join(', ')}, got ${describeValue(
              v,
            )}`,
          );
          valid = false;
        }
      } else {
        checkOptions[name] = v;
      }
    }
    if (!valid) continue;
    if (Object.keys(checkOptions).length > 0) entry.options = checkOptions;
    policy[id] = entry;
  }
}

function readLevels(
  value: unknown,
  error: ErrorSink,
): Partial<Record<ReadinessLevel, string>> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    error(
      'readiness.levels',
      `must be an object of display names (${READINESS_LEVELS.join(
        ', ',
      )}), got ${describeValue(value)}`,
    );
    return undefined;
  }
  const levels: Partial<Record<ReadinessLevel, string>> = {};
  for (const [level, name] of Object.entries(value)) {
    const key = `readiness.levels.${level}`;
    if (!(READINESS_LEVELS as readonly string[]).includes(level)) {
      error(
        key,
        `there is no level "${level}"; use one of ${READINESS_LEVELS.join(
          ', ',
        )}`,
      );
    } else if (typeof name !== 'string' || name.trim() === '') {
      error(key, `must be a non-empty string, got ${describeValue(name)}`);
    } else {
      levels[level as ReadinessLevel] = name.trim();
    }
  }
  return levels;
}

function readDomains(
  value: unknown,
  error: ErrorSink,
): Partial<Record<ReadinessDomainId, number>> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    error(
      'readiness.domains',
      `must be an object keyed by domain id, got ${describeValue(value)}`,
    );
    return undefined;
  }
  const weights: Partial<Record<ReadinessDomainId, number>> = {};
  for (const [domain, block] of Object.entries(value)) {
    const key = `readiness.domains.${domain}`;
    if (!(READINESS_DOMAIN_IDS as readonly string[]).includes(domain)) {
      error(
        key,
        `there is no domain "${domain}"; use one of ${READINESS_DOMAIN_IDS.join(
          ', ',
        )}`,
      );
      continue;
    }
    if (block === null || block === undefined) continue;
    if (!isPlainObject(block)) {
      error(
        key,
        `must be an object with a weight, got ${describeValue(block)}`,
      );
      continue;
    }
    for (const [name, v] of Object.entries(block)) {
      if (name !== 'weight') {
        error(`${key}.${name}`, 'unknown key; a domain has only a weight');
      } else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        error(
          `${key}.weight`,
          `must be a number >= 0, got ${describeValue(v)}`,
        );
      } else {
        weights[domain as ReadinessDomainId] = v;
      }
    }
  }
  return weights;
}

/** ` (did you mean "x"?)` for a close id, else ''. */
function suggestion(id: string, known: Set<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined &&
    bestDistance <= Math.max(2, Math.floor(id.length / 4))
    ? ` (did you mean "${best}"?)`
    : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return row[b.length];
}

/**
 * Reads a YAML (or JSON) configuration file's text, such as the CLI's `--config` file or an
 * app-config.yaml: its top-level `readiness:` block is read with `readReadinessConfig`, every other
 * top-level key is ignored. Errors name the file (and line, for invalid YAML) and the config key.
 *
 * @param text - the file's content
 * @param file - the file name, prefixed to every error
 * @public
 */
export function parseReadinessConfigText(
  text: string,
  file: string,
  options: ReadReadinessConfigOptions = {},
): ReadinessConfig {
  const empty = (errors: string[]): ReadinessConfig => ({
    policy: {},
    scoring: {},
    errors,
  });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return empty(
      doc.errors.map(e => {
        const line = e.pos ? lineCounter.linePos(e.pos[0]).line : 1;
        return `${file}:${line}: invalid YAML: ${e.message.split('\n')[0]}`;
      }),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return empty([`${file}: ${(e as Error).message}`]);
  }
  if (!isPlainObject(value) || !('readiness' in value)) {
    return empty([
      `${file}: no top-level "readiness:" block; expected e.g. "readiness:\\n  checks:\\n    readiness-probe:\\n      severity: high"`,
    ]);
  }
  return readReadinessConfig(value.readiness, file, options);
}

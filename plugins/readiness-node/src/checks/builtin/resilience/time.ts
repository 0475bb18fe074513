/**
 * Time arithmetic of the resilience checks: how often a cron schedule runs (Velero Schedules,
 * CronJobs) and ISO-8601 durations (the `prodready.dev/rpo` and `prodready.dev/rto` annotations).
 *
 * Cron follows robfig/cron v3 `ParseStandard`, the parser of both Kubernetes CronJobs and Velero
 * Schedules: five fields (minute, hour, day of month, month, day of week) with `*`, `?`, values,
 * names (JAN-DEC, SUN-SAT), ranges `a-b`, steps (`*`, `a-b` or `a` followed by `/n`; `a/n` means
 * `a-max/n`), lists, and the descriptors `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`,
 * `@midnight`, `@hourly` and `@every <Go duration>`. A `CRON_TZ=`/`TZ=` prefix is accepted and ignored. Day of week 7 is
 * read as Sunday, as in Vixie cron. When both day of month and day of week are restricted, a day
 * matches either (robfig: a field is unrestricted only when written `*` or `?` without a step).
 *
 * The interval of a schedule is the LONGEST gap between two consecutive runs, computed exactly in
 * UTC over a 28-year window (2024-2051, every weekday/leap-year alignment), so `0 2 * * 1-5` is
 * 3 days (Friday to Monday), `0 0 31 * *` is 61 days and `0 0 29 2 *` 4 years. Daylight saving
 * shifts of a schedule with a time zone (up to one hour) are ignored.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The parsed interval of a cron schedule. @public */
export type CronInterval =
  | {
      ok: true;
      /** The longest gap between two consecutive runs, in milliseconds. */
      intervalMs: number;
    }
  | { ok: false; error: string };

interface CronField {
  values: Set<number>;
  /** Written `*` or `?` (robfig's star bit): unrestricted for the day-of-month/day-of-week rule. */
  star: boolean;
}

interface FieldBounds {
  name: string;
  min: number;
  max: number;
  names?: string[];
}

const FIELD_BOUNDS: FieldBounds[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  // 7 is accepted as Sunday and folded onto 0 below.
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

class CronError extends Error {}

function parseValue(text: string, bounds: FieldBounds): number {
  const upper = text.toUpperCase();
  const named = bounds.names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + (bounds.name === 'month' ? 1 : 0);
  if (!/^\d+$/.test(text)) throw new CronError(`"${text}" is not a valid ${bounds.name}`);
  const n = Number(text);
  if (n < bounds.min || n > bounds.max) {
    throw new CronError(`${bounds.name} ${n} is outside ${bounds.min}-${bounds.max}`);
  }
  return n;
}

function parseField(text: string, bounds: FieldBounds): CronField {
  const values = new Set<number>();
  let star = false;
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined || range === '') throw new CronError(`"${part}" is not a valid ${bounds.name}`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) {
        throw new CronError(`"${stepText}" is not a valid step in ${bounds.name} "${part}"`);
      }
      step = Number(stepText);
    }
    let start: number;
    let end: number;
    if (range === '*' || range === '?') {
      if (range === '?' && !bounds.name.startsWith('day')) throw new CronError(`"?" is not allowed in ${bounds.name}`);
      start = bounds.min;
      end = bounds.name === 'day of week' ? 6 : bounds.max;
      if (step === 1) star = true;
    } else {
      const [low, high, more] = range.split('-');
      if (more !== undefined) throw new CronError(`"${range}" is not a valid ${bounds.name} range`);
      start = parseValue(low, bounds);
      if (high !== undefined) end = parseValue(high, bounds);
      // `a/n` means `a-max/n` (Sunday is 0-6's max for day of week, not the alias 7).
      else if (stepText !== undefined) end = bounds.name === 'day of week' ? 6 : bounds.max;
      else end = start;
      if (end < start) throw new CronError(`${bounds.name} range "${range}" ends before it starts`);
    }
    for (let v = start; v <= end; v += step) values.add(bounds.name === 'day of week' ? v % 7 : v);
  }
  return { values, star };
}

/** A Go duration (`1h30m`, `90s`, `1.5h`) in milliseconds; undefined when malformed. */
function parseGoDuration(text: string): number | undefined {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: MINUTE, h: HOUR };
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]];
    consumed = re.lastIndex;
  }
  if (text === '' || consumed !== text.length) return undefined;
  return total;
}

const WINDOW_START = Date.UTC(2024, 0, 1);
const WINDOW_DAYS = 28 * 365 + 7;

function longestGap(fields: CronField[]): number {
  const [minutes, hours, dom, months, dow] = fields;
  const times: number[] = [];
  for (const h of [...hours.values].sort((a, b) => a - b)) {
    for (const m of [...minutes.values].sort((a, b) => a - b)) times.push(h * 60 + m);
  }
  let gap = 0;
  for (let i = 1; i < times.length; i++) gap = Math.max(gap, times[i] - times[i - 1]);

  const eitherDay = !dom.star && !dow.star;
  let previous: number | undefined;
  let matchingDays = 0;
  for (let d = 0; d < WINDOW_DAYS; d++) {
    const date = new Date(WINDOW_START + d * DAY);
    if (!months.values.has(date.getUTCMonth() + 1)) continue;
    const domMatch = dom.values.has(date.getUTCDate());
    const dowMatch = dow.values.has(date.getUTCDay());
    if (eitherDay ? !(domMatch || dowMatch) : !(domMatch && dowMatch)) continue;
    matchingDays++;
    if (previous !== undefined) {
      gap = Math.max(gap, (d - previous) * 1440 - times[times.length - 1] + times[0]);
    }
    previous = d;
  }
  if (matchingDays === 0) throw new CronError('the schedule never runs (no date matches its day and month fields)');
  if (matchingDays === 1) throw new CronError('the schedule runs at most once in 28 years');
  return gap * MINUTE;
}

function computeCronInterval(expression: string): CronInterval {
  let text = expression.trim();
  const tz = /^(?:CRON_TZ|TZ)=\S+\s+/.exec(text);
  if (tz) text = text.slice(tz[0].length).trim();
  if (text.startsWith('@every')) {
    const ms = parseGoDuration(text.slice('@every'.length).trim());
    if (ms === undefined) return { ok: false, error: `"${expression}": @every needs a Go duration such as 6h or 90m` };
    // robfig/cron runs @every at least once per second and truncates to whole seconds.
    return { ok: true, intervalMs: Math.max(1000, Math.floor(ms / 1000) * 1000) };
  }
  if (text.startsWith('@')) {
    const expanded = DESCRIPTORS[text.toLowerCase()];
    if (!expanded) return { ok: false, error: `"${expression}": unknown descriptor ${text}` };
    text = expanded;
  }
  const parts = text.split(/\s+/);
  if (parts.length !== 5) {
    return { ok: false, error: `"${expression}": expected 5 fields (minute hour day-of-month month day-of-week), found ${parts.length}` };
  }
  try {
    const fields = parts.map((p, i) => parseField(p, FIELD_BOUNDS[i]));
    return { ok: true, intervalMs: longestGap(fields) };
  } catch (e) {
    if (e instanceof CronError) return { ok: false, error: `"${expression}": ${e.message}` };
    throw e;
  }
}

const cronCache = new Map<string, CronInterval>();

/**
 * The longest gap between two runs of a cron schedule (see the module comment for the syntax
 * and the method). Results are cached per expression: the computation is pure.
 * @public
 */
export function cronInterval(expression: unknown): CronInterval {
  if (typeof expression !== 'string' || expression.trim() === '') {
    return { ok: false, error: 'no schedule is set' };
  }
  let result = cronCache.get(expression);
  if (!result) {
    result = computeCronInterval(expression);
    if (cronCache.size >= 1000) cronCache.clear();
    cronCache.set(expression, result);
  }
  return result;
}

const ISO_DURATION =
  /^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * An ISO-8601 duration (`PT15M`, `PT1H`, `P1D`, `P1W`, `P1DT12H`, `PT0.5H`) in milliseconds;
 * undefined when malformed. A year counts 365 days and a month 30 days (ISO-8601 leaves them
 * calendar-dependent; an RPO is never that precise). Negative durations are rejected.
 * @public
 */
export function parseIsoDuration(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = ISO_DURATION.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  const factors = [365 * DAY, 30 * DAY, 7 * DAY, DAY, HOUR, MINUTE, 1000];
  let total = 0;
  factors.forEach((factor, i) => {
    const value = m[i + 1];
    if (value !== undefined) total += Number(value.replace(',', '.')) * factor;
  });
  return total;
}

/** A duration for messages: `1d`, `6h`, `1d 12h`, `30m`, `45s`. @public */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms) / 1000);
  const parts: string[] = [];
  for (const [unit, seconds] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / seconds);
    rest -= n * seconds;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return parts.length ? `${sign}${parts.slice(0, 2).join(' ')}` : '0s';
}

/** Milliseconds since an RFC 3339 timestamp at `now`; undefined when the timestamp is absent or malformed. @public */
export function ageOf(timestamp: unknown, now: Date): number | undefined {
  if (typeof timestamp !== 'string') return undefined;
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? undefined : now.getTime() - t;
}

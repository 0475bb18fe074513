import { ageOf, cronInterval, formatDuration, parseIsoDuration } from './time';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function interval(expr: string): number {
  const result = cronInterval(expr);
  if (!result.ok) throw new Error(result.error);
  return result.intervalMs;
}

describe('cronInterval', () => {
  it.each([
    ['0 2 * * *', DAY],
    ['*/15 * * * *', 15 * MIN],
    ['* * * * *', MIN],
    ['0 */6 * * *', 6 * HOUR],
    ['30 1,13 * * *', 12 * HOUR],
    ['0 1,5 * * *', 20 * HOUR],
    ['0 9-17 * * *', 16 * HOUR],
    ['0 9-17/4 * * *', 16 * HOUR],
    ['15 3 * * 0', 7 * DAY],
    ['15 3 * * 7', 7 * DAY],
    ['15 3 * * SUN', 7 * DAY],
    ['0 2 * * 1-5', 3 * DAY],
    ['0 2 * * MON-FRI', 3 * DAY],
    ['0 0 1 * *', 31 * DAY],
    ['0 0 31 * *', 61 * DAY],
    ['0 0 1 1 *', 366 * DAY],
    ['0 0 1 jan,jul *', 184 * DAY],
    ['0 0 29 2 *', (4 * 365 + 1) * DAY],
    ['0/25 * * * *', 25 * MIN],
  ])('%s runs at least every %d ms', (expr, expected) => {
    expect(interval(expr)).toBe(expected);
  });

  it('reads day of month OR day of week when both are restricted (robfig/cron, Vixie cron)', () => {
    // the 1st and 15th, or any Monday: never more than 7 days apart
    expect(interval('0 0 1,15 * 1')).toBeLessThanOrEqual(7 * DAY);
    // a stepped day of week is restricted too: every other weekday or the 1st
    expect(interval('0 0 1 * */2')).toBeLessThanOrEqual(2 * DAY);
    // one restricted field with `?` in the other: AND
    expect(interval('0 0 ? * 1')).toBe(7 * DAY);
  });

  it.each([
    ['@hourly', HOUR],
    ['@daily', DAY],
    ['@midnight', DAY],
    ['@weekly', 7 * DAY],
    ['@monthly', 31 * DAY],
    ['@yearly', 366 * DAY],
    ['@annually', 366 * DAY],
    ['@every 6h', 6 * HOUR],
    ['@every 1h30m', 90 * MIN],
    ['@every 1.5h', 90 * MIN],
    ['@every 500ms', 1000],
  ])('supports the descriptor %s', (expr, expected) => {
    expect(interval(expr)).toBe(expected);
  });

  it('ignores a CRON_TZ/TZ prefix', () => {
    expect(interval('CRON_TZ=Europe/Paris 0 3 * * *')).toBe(DAY);
    expect(interval('TZ=UTC @hourly')).toBe(HOUR);
  });

  it.each([
    ['', 'no schedule'],
    ['0 2 * *', 'expected 5 fields'],
    ['0 2 * * * *', 'expected 5 fields'],
    ['61 * * * *', 'minute 61 is outside 0-59'],
    ['0 24 * * *', 'hour 24 is outside 0-23'],
    ['0 0 0 * *', 'day of month 0 is outside 1-31'],
    ['0 0 * 13 *', 'month 13'],
    ['0 0 * * 8', 'day of week 8'],
    ['*/0 * * * *', 'not a valid step'],
    ['0 5-1 * * *', 'ends before it starts'],
    ['x * * * *', 'not a valid minute'],
    ['? * * * *', '"?" is not allowed in minute'],
    ['0 0 30 2 *', 'never runs'],
    ['@fortnightly', 'unknown descriptor'],
    ['@every soon', 'Go duration'],
  ])('rejects %j (%s)', (expr, fragment) => {
    const result = cronInterval(expr);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(fragment);
  });

  it('rejects a value that is not a string', () => {
    expect(cronInterval(undefined)).toEqual({ ok: false, error: 'no schedule is set' });
  });
});

describe('parseIsoDuration', () => {
  it.each([
    ['PT1H', HOUR],
    ['PT15M', 15 * MIN],
    ['PT30S', 30_000],
    ['P1D', DAY],
    ['P1W', 7 * DAY],
    ['P1DT12H', 36 * HOUR],
    ['PT0.5H', 30 * MIN],
    ['PT1,5H', 90 * MIN],
    ['P1M', 30 * DAY],
    ['P1Y', 365 * DAY],
    ['pt4h', 4 * HOUR],
    ['PT0S', 0],
  ])('%s is %d ms', (text, ms) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });

  it.each(['', 'P', 'PT', '1h', '24h', 'P1H', 'PT1D', 'P-1D', '-PT1H', 'PT1H30', 'P1DT', 'every day'])(
    'rejects %j',
    text => {
      expect(parseIsoDuration(text)).toBeUndefined();
    },
  );

  it('rejects a value that is not a string', () => {
    expect(parseIsoDuration(3600)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [DAY, '1d'],
    [36 * HOUR, '1d 12h'],
    [6 * HOUR, '6h'],
    [90 * MIN, '1h 30m'],
    [45_000, '45s'],
    [0, '0s'],
    [120 * DAY, '120d'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('ageOf', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it('measures the time since a timestamp', () => {
    expect(ageOf('2026-11-21T02:00:00Z', now)).toBe(10 * HOUR);
  });
  it('is undefined for an absent or malformed timestamp', () => {
    expect(ageOf(undefined, now)).toBeUndefined();
    expect(ageOf('yesterday', now)).toBeUndefined();
  });
});

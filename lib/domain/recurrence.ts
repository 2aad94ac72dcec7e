/**
 * A schedule's `recurrence` (SHOW SCHEDULES) → the interval it implies and the words for it.
 * CockroachDB parses it with robfig/cron's ParseStandard (pkg/jobs/scheduled_job.go): five fields or
 * a descriptor (@hourly, @daily, @weekly, @monthly, @yearly, @midnight, @every <Go duration>),
 * always in UTC (docs create-schedule-for-backup: "cron … in UTC"). `NEVER`/NULL: no recurrence.
 */
import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const GO_UNIT_S: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 0.000001, µs: 0.000001, ns: 1e-9 };

/** `@every 1h30m` (robfig/cron: a Go time.Duration) → seconds; null when it is not one. */
function everySeconds(text: string): number | null {
  const m = /^@every\s+((?:\d+(?:\.\d+)?(?:h|m|s|ms|us|µs|ns))+)$/i.exec(text.trim());
  if (!m) return null;
  let s = 0;
  for (const p of m[1].matchAll(/(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/g)) s += Number(p[1]) * GO_UNIT_S[p[2]];
  return s > 0 ? s : null;
}

/** Five-field form of a recurrence, or null when there is none (NULL, '', 'NEVER', @every). */
export function cronFields(recurrence: string | null): string | null {
  if (recurrence === null) return null;
  const r = recurrence.trim();
  if (r === '' || r.toUpperCase() === 'NEVER' || r.toLowerCase().startsWith('@every')) return null;
  return DESCRIPTORS[r.toLowerCase()] ?? r;
}

// A cron expression's gaps repeat at most yearly; 400 days or 3,000 runs covers every practical one.
const SAMPLE_FROM = Date.UTC(2026, 0, 1);
const SAMPLE_SPAN_MS = 400 * 86_400_000;
const SAMPLE_MAX_RUNS = 3_000;
const intervalCache = new Map<string, number | null>();

/**
 * The longest gap between two consecutive runs, in seconds: the time a backup may fairly be old
 * before it is late. The longest, not the typical: `0 9 * * 1-5` really does leave 72 h from Friday
 * to Monday, and a shorter expectation would page someone every weekend. Null when there is no
 * recurrence or it does not parse.
 */
export function expectedIntervalS(recurrence: string | null): number | null {
  if (recurrence === null) return null;
  const every = everySeconds(recurrence);
  if (every !== null) return every;
  const fields = cronFields(recurrence);
  if (fields === null) return null;
  if (intervalCache.has(fields)) return intervalCache.get(fields) ?? null;
  let out: number | null = null;
  try {
    const it = CronExpressionParser.parse(fields, { currentDate: new Date(SAMPLE_FROM), tz: 'UTC' });
    let prev = it.next().getTime();
    let max = 0;
    for (let i = 0; i < SAMPLE_MAX_RUNS && prev < SAMPLE_FROM + SAMPLE_SPAN_MS; i++) {
      if (!it.hasNext()) break;
      const t = it.next().getTime();
      max = Math.max(max, t - prev);
      prev = t;
    }
    out = max > 0 ? Math.round(max / 1000) : null;
  } catch {
    out = null;
  }
  intervalCache.set(fields, out);
  return out;
}

/** The next run after `fromMs` (UTC), or null. */
export function nextRunAfter(recurrence: string | null, fromMs: number): number | null {
  const every = everySeconds(recurrence ?? '');
  if (every !== null) return fromMs + every * 1000;
  const fields = cronFields(recurrence);
  if (fields === null) return null;
  try {
    return CronExpressionParser.parse(fields, { currentDate: new Date(fromMs), tz: 'UTC' }).next().getTime();
  } catch {
    return null;
  }
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: string) => n.padStart(2, '0');
const NUM = /^\d{1,2}$/;

/**
 * Words for a recurrence, in UTC and 24 h: the common backup cadences in the dashboard's own terse
 * style ("every hour at :00", "every day at 00:00 UTC", "every 15 minutes"), anything else through
 * cronstrue ("At 02:30, Monday through Friday (UTC)"). Null when there is no recurrence; the raw
 * text when it does not parse (CockroachDB accepted it, so show it rather than nothing).
 */
export function recurrenceText(recurrence: string | null): string | null {
  if (recurrence === null) return null;
  const every = everySeconds(recurrence);
  if (every !== null) return `every ${recurrence.trim().slice('@every'.length).trim()}`;
  const fields = cronFields(recurrence);
  if (fields === null) return recurrence.trim().toUpperCase() === 'NEVER' ? 'never (runs only when started by hand)' : null;
  const f = fields.split(/\s+/);
  if (f.length === 5) {
    const [min, hour, dom, mon, dow] = f;
    const anyDay = dom === '*' && mon === '*';
    if (anyDay && dow === '*') {
      const step = /^\*\/(\d+)$/.exec(min);
      if (step && hour === '*') return step[1] === '1' ? 'every minute' : `every ${step[1]} minutes`;
      if (NUM.test(min) && hour === '*') return `every hour at :${pad(min)}`;
      const hstep = /^\*\/(\d+)$/.exec(hour);
      if (NUM.test(min) && hstep) return `every ${hstep[1]} hours at :${pad(min)}`;
      if (NUM.test(min) && NUM.test(hour)) return `every day at ${pad(hour)}:${pad(min)} UTC`;
    }
    if (anyDay && /^[0-7]$/.test(dow) && NUM.test(min) && NUM.test(hour)) return `every ${WEEKDAYS[Number(dow) % 7]} at ${pad(hour)}:${pad(min)} UTC`;
    if (dom === '1' && mon === '*' && dow === '*' && NUM.test(min) && NUM.test(hour)) return `every month on the 1st at ${pad(hour)}:${pad(min)} UTC`;
  }
  try {
    return `${cronstrue.toString(fields, { use24HourTimeFormat: true, verbose: false, throwExceptionOnParseError: true })} (UTC)`;
  } catch {
    return recurrence;
  }
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH, VIEW_DEFAULTS, clusterHref, freezeView, metricHref, metricRangeApiHref, metricsApiHref, nodeVarsHref, parseViewParams, refreshMs, viewDefaults, withView } from './links';

describe('parseViewParams', () => {
  it('gives the defaults for an empty query', () => {
    expect(parseViewParams({})).toEqual({ refresh: DEFAULT_REFRESH, from: undefined, to: undefined, nodes: undefined, kiosk: false, agg: true, fn: undefined, events: undefined });
  });

  it.each([
    ['off', 'off'],
    ['5s', '5s'],
    ['10s', '10s'],
    ['30s', '30s'],
    ['1m', '1m'],
    ['7s', '10s'],
    ['', '10s'],
    ['OFF', '10s'],
  ])('refresh=%s → %s', (raw, want) => {
    expect(parseViewParams(new URLSearchParams({ refresh: raw })).refresh).toBe(want);
  });

  it.each([
    ['now', 'now'],
    ['now-6h', 'now-6h'],
    ['now-1h30m', 'now-1h30m'],
    ['2026-11-25', '2026-11-25'],
    ['2026-11-25T20:43:52Z', '2026-11-25T20:43:52Z'],
    ['2026-11-25T20:43:52.620+01:00', '2026-11-25T20:43:52.620+01:00'],
    ['yesterday', undefined],
    ['now-6x', undefined],
    ['2026-13-45', undefined],
  ])('from=%s → %s', (raw, want) => {
    expect(parseViewParams({ from: raw }).from).toBe(want);
  });

  it.each([
    ['1,3', [1, 3]],
    ['3,1,3', [1, 3]],
    ['2', [2]],
    ['1,,3', undefined],
    ['n1', undefined],
    ['', undefined],
  ])('nodes=%s → %j', (raw, want) => {
    expect(parseViewParams({ nodes: raw }).nodes).toEqual(want);
  });

  it.each([
    ['1', true],
    ['true', true],
    ['0', false],
    ['yes', false],
  ])('kiosk=%s → %s', (raw, want) => {
    expect(parseViewParams({ kiosk: raw }).kiosk).toBe(want);
  });

  it('takes the first of repeated values, as Next hands them', () => {
    expect(parseViewParams({ refresh: ['30s', '5s'] }).refresh).toBe('30s');
    expect(parseViewParams(new URLSearchParams('refresh=1m&refresh=5s')).refresh).toBe('1m');
  });

  it('one bad parameter does not spoil the others', () => {
    expect(parseViewParams({ refresh: 'soon', from: 'now-1h', nodes: '2' })).toMatchObject({ refresh: '10s', from: 'now-1h', nodes: [2] });
  });
});

describe('refreshMs', () => {
  it.each([
    ['off', 0],
    ['5s', 5_000],
    ['1m', 60_000],
  ] as const)('%s → %d ms', (r, ms) => {
    expect(refreshMs(r)).toBe(ms);
  });
});

describe('withView', () => {
  it('sets a parameter and keeps the others, unknown ones included', () => {
    expect(withView('from=now-6h&q=x', { refresh: '30s' }).toString()).toBe('from=now-6h&q=x&refresh=30s');
  });
  it('removes a parameter set back to its default', () => {
    expect(withView('refresh=5s&q=x', { refresh: '10s' }).toString()).toBe('q=x');
  });
  it('leaves parameters it was not given alone', () => {
    expect(withView('refresh=5s&nodes=1,3', { kiosk: true }).toString()).toBe('refresh=5s&nodes=1%2C3&kiosk=1');
  });
  it('round-trips through parseViewParams', () => {
    const view = parseViewParams({ refresh: '1m', from: 'now-6h', to: 'now', nodes: '3,1', kiosk: '1', agg: '0', fn: 'rate', events: 'failures' });
    expect(parseViewParams(withView('', view))).toEqual(view);
  });
});

describe('a page with its own defaults (viewDefaults)', () => {
  const backups = viewDefaults('/c/demo/backups');

  it('the backups page does not refresh unless its link says so; every other page keeps 10 s', () => {
    expect(backups.refresh).toBe('off');
    expect(viewDefaults('/c/a%20b/backups/')).toEqual(backups);
    for (const path of ['/c/demo', '/c/demo/jobs', '/c/demo/schedules', '/c/demo/metrics/backups', '/c/backups', '/c/demo/backups/x']) expect(viewDefaults(path)).toEqual(VIEW_DEFAULTS);
    expect(VIEW_DEFAULTS.refresh).toBe(DEFAULT_REFRESH);
  });

  it('parseViewParams: a missing or bad refresh= becomes the page default; an explicit one wins', () => {
    expect(parseViewParams({}, backups).refresh).toBe('off');
    expect(parseViewParams({ refresh: 'soon' }, backups).refresh).toBe('off');
    expect(parseViewParams({ refresh: '10s' }, backups).refresh).toBe('10s');
    expect(parseViewParams(new URLSearchParams('refresh=30s'), backups).refresh).toBe('30s');
    expect(parseViewParams({}).refresh).toBe(DEFAULT_REFRESH);
  });

  it('withView: the page default is what is left out, so 10 s stays in a backups link', () => {
    expect(withView('collection=x', { refresh: '10s' }, backups).toString()).toBe('collection=x&refresh=10s');
    expect(withView('collection=x&refresh=10s', { refresh: 'off' }, backups).toString()).toBe('collection=x');
    const view = parseViewParams({ refresh: '10s', from: 'now-6h' }, backups);
    expect(parseViewParams(withView('', view, backups), backups)).toEqual(view);
  });
});

describe('hrefs', () => {
  it('encodes the cluster id and the metric name', () => {
    expect(clusterHref('demo')).toBe('/c/demo');
    expect(clusterHref('a b', { refresh: 'off' })).toBe('/c/a%20b?refresh=off');
    expect(metricHref('demo', 'schedules_BACKUP_failed')).toBe('/c/demo/metrics/schedules_BACKUP_failed');
    expect(metricHref('demo', 'jobs_backup_currently_paused', { from: 'now-1h' })).toBe('/c/demo/metrics/jobs_backup_currently_paused?from=now-1h');
    expect(metricsApiHref('demo')).toBe('/api/v1/clusters/demo/metrics');
  });
  it('addresses a node by id, or by position when it states none', () => {
    expect(nodeVarsHref('demo', { node_id: 2, position: 2 })).toBe('/api/v1/clusters/demo/nodes/2/vars');
    expect(nodeVarsHref('demo', { node_id: null, position: 3 })).toBe('/api/v1/clusters/demo/nodes/%233/vars');
  });
});

describe('agg and fn', () => {
  it.each([
    [{}, true, undefined],
    [{ agg: '0' }, false, undefined],
    [{ agg: 'maybe', fn: 'increase' }, true, 'increase'],
    [{ fn: 'sum' }, true, undefined],
  ])('%j', (q, agg, fn) => {
    const v = parseViewParams(q);
    expect([v.agg, v.fn]).toEqual([agg, fn]);
  });
  it('leaves the default aggregate out of links', () => {
    expect(withView('', { agg: true }).toString()).toBe('');
    expect(withView('', { agg: false, fn: 'raw' }).toString()).toBe('agg=0&fn=raw');
  });
});

describe('events (job markers)', () => {
  it.each([
    [{}, undefined],
    [{ events: 'all' }, 'all'],
    [{ events: 'failures' }, 'failures'],
    [{ events: 'off' }, 'off'],
    [{ events: 'some' }, undefined],
  ])('%j', (q, events) => {
    expect(parseViewParams(q).events).toBe(events);
  });
  it('is written only when chosen', () => {
    expect(withView('from=now-7d', { events: 'all' }).toString()).toBe('from=now-7d&events=all');
    expect(withView('from=now-7d&events=off', { events: undefined }).toString()).toBe('from=now-7d');
  });
});

describe('freezeView', () => {
  const NOW = Date.parse('2026-11-25T20:00:00Z');
  it('turns now-… into ISO-8601 and stops auto-refresh, keeping the rest', () => {
    const frozen = freezeView(parseViewParams({ from: 'now-6h', nodes: '1,3', refresh: '5s', agg: '0' }), NOW);
    expect(frozen).toMatchObject({ from: '2026-11-25T14:00:00.000Z', to: '2026-11-25T20:00:00.000Z', refresh: 'off', nodes: [1, 3], agg: false });
    expect(withView('', frozen).toString()).toBe('refresh=off&from=2026-11-25T14%3A00%3A00.000Z&to=2026-11-25T20%3A00%3A00.000Z&nodes=1%2C3&agg=0');
  });
  it('fills in the default range and keeps absolute times as they are', () => {
    expect(freezeView(parseViewParams({}), NOW)).toMatchObject({ from: '2026-11-25T19:00:00.000Z', to: '2026-11-25T20:00:00.000Z' });
    expect(freezeView(parseViewParams({ from: '2026-11-25T10:00:00Z', to: 'now-1h' }), NOW)).toMatchObject({ from: '2026-11-25T10:00:00.000Z', to: '2026-11-25T19:00:00.000Z' });
  });
  it('a frozen link parses back to the same view', () => {
    const frozen = freezeView(parseViewParams({ from: 'now-15m', nodes: '2' }), NOW);
    expect(parseViewParams(withView('', frozen))).toEqual(frozen);
  });
});

describe('metricRangeApiHref', () => {
  it('carries the range, nodes and options', () => {
    expect(metricRangeApiHref('demo', 'jobs_backup_currently_paused', {})).toBe('/api/v1/clusters/demo/metrics/jobs_backup_currently_paused');
    expect(metricRangeApiHref('demo', 'm', { from: 'now-6h', to: 'now', nodes: [1, 3], fn: 'rate', aggregate: false })).toBe('/api/v1/clusters/demo/metrics/m?from=now-6h&to=now&nodes=1%2C3&fn=rate&aggregate=0');
  });
});

describe('y=clip', () => {
  it('round-trips, and anything else is the full scale', () => {
    expect(parseViewParams(new URLSearchParams('y=clip')).y).toBe('clip');
    expect(parseViewParams(new URLSearchParams('y=log')).y).toBeUndefined();
    expect(withView('from=now-6h', { y: 'clip' }).toString()).toBe('from=now-6h&y=clip');
    expect(withView('from=now-6h&y=clip', { y: undefined }).toString()).toBe('from=now-6h');
  });
});

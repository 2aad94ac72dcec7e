import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';
import { parseDuration } from './duration';

const dir = mkdtempSync(path.join(tmpdir(), 'cfg-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('parseConfig', () => {
  it('uses the demo cluster when nothing is configured, with default intervals', () => {
    expect(parseConfig({})).toMatchObject({ mode: 'demo', clusters: [], scrapeIntervalMs: 10_000, scrapeTimeoutMs: 5_000 });
  });

  it.each([
    ['2s', undefined, 2_000],
    ['1s', undefined, 1_000],
    ['30s', undefined, 5_000],
    ['2s', '1s', 1_000],
  ])('SCRAPE_INTERVAL=%s with SCRAPE_TIMEOUT=%s: the timeout is %i ms (unset: the smaller of 5 s and the interval, as Prometheus)', (interval, timeout, ms) => {
    expect(parseConfig({ SCRAPE_INTERVAL: interval, ...(timeout ? { SCRAPE_TIMEOUT: timeout } : {}) }).scrapeTimeoutMs).toBe(ms);
  });

  it('reads one cluster from CRDB_* variables', () => {
    const c = parseConfig({
      CRDB_SQL_URL: 'postgresql://monitor:secret@db:26257/defaultdb?sslmode=require',
      CRDB_HTTP_URLS: 'http://n1:8080, http://n2:8080/ ,http://n3:8080',
      CRDB_CLUSTER_ID: 'prod-eu',
      CRDB_CLUSTER_NAME: 'Production',
      SCRAPE_INTERVAL: '30s',
      SCRAPE_TIMEOUT: '2s',
    });
    expect(c).toMatchObject({ mode: 'configured', scrapeIntervalMs: 30_000, scrapeTimeoutMs: 2_000 });
    expect(c.clusters[0]).toMatchObject({ id: 'prod-eu', name: 'Production', httpUrls: ['http://n1:8080', 'http://n2:8080', 'http://n3:8080'], httpPort: 8080, httpScheme: 'http' });
  });

  it('reads CRDB_UNSAFE_INTERNALS (default auto), for every cluster and per CLUSTERS_FILE entry', () => {
    const url = 'postgresql://m@db:26257/defaultdb';
    expect(parseConfig({ CRDB_SQL_URL: url }).clusters[0].unsafeInternals).toBe('auto');
    expect(parseConfig({}).unsafeInternals).toBe('auto');
    expect(parseConfig({ CRDB_SQL_URL: url, CRDB_UNSAFE_INTERNALS: ' OFF ' }).clusters[0].unsafeInternals).toBe('off');
    const f = file('ui.json', JSON.stringify([{ id: 'a', sql_url: url }, { id: 'b', sql_url: url, unsafe_internals: 'off' }]));
    expect(parseConfig({ CLUSTERS_FILE: f, CRDB_UNSAFE_INTERNALS: 'on' }).clusters.map((c) => c.unsafeInternals)).toEqual(['on', 'off']);
    expect(() => parseConfig({ CRDB_UNSAFE_INTERNALS: 'yes' })).toThrow(/CRDB_UNSAFE_INTERNALS must be auto, on or off/);
  });

  it.each([
    [{ CRDB_SQL_URL: 'mysql://x' }, /CRDB_SQL_URL: must be a postgresql/],
    [{ CRDB_HTTP_URLS: 'n1:8080' }, /CRDB_HTTP_URLS.*http\(s\)/],
    [{ CRDB_HTTP_URLS: 'http://a:1', CRDB_CLUSTER_ID: 'Prod EU' }, /CRDB_CLUSTER_ID: must be lower-case/],
    [{ CRDB_HTTP_URLS: 'http://a:1', SCRAPE_INTERVAL: 'often' }, /SCRAPE_INTERVAL must be a duration/],
    [{ CRDB_HTTP_URLS: 'http://a:1', SCRAPE_INTERVAL: '5s', SCRAPE_TIMEOUT: '10s' }, /SCRAPE_TIMEOUT: must not be longer/],
    [{ CRDB_HTTP_URLS: 'http://a:1', CRDB_HTTP_PORT: '99999' }, /CRDB_HTTP_PORT/],
    [{ CRDB_HTTP_URLS: 'https://a:1', CRDB_HTTP_CA: '/nonexistent/ca.pem' }, /CRDB_HTTP_CA: cannot use \/nonexistent\/ca.pem/],
    [{ CLUSTERS_FILE: '/nonexistent.json' }, /CLUSTERS_FILE: cannot read/],
    [{ FRESHNESS_GRACE: 'soon' }, /FRESHNESS_GRACE must be a duration/],
    [{ FRESHNESS_GRACE: '900%' }, /FRESHNESS_GRACE must be/],
    [{ FRESHNESS_STALE_MULTIPLIER: '1' }, /FRESHNESS_STALE_MULTIPLIER must be at least 1.1/],
    [{ FRESHNESS_STALE_MULTIPLIER: 'x' }, /FRESHNESS_STALE_MULTIPLIER/],
    [{ BACKUP_COLLECTIONS: 's3://ok, /local/path' }, /BACKUP_COLLECTIONS.*storage URI/],
  ])('rejects %j naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('reads several clusters from CLUSTERS_FILE, with a CA for HTTPS nodes', () => {
    const ca = file('ca.pem', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const p = file(
      'clusters.json',
      JSON.stringify({
        clusters: [
          { id: 'eu', sql_url: 'postgresql://root@eu:26257/defaultdb', http_scheme: 'https', http_ca: ca },
          { id: 'us', name: 'US', http_urls: ['http://us1:8080'] },
        ],
      }),
    );
    const c = parseConfig({ CLUSTERS_FILE: p });
    expect(c.clusters.map((x) => [x.id, x.name, x.httpScheme, x.httpCa !== null])).toEqual([
      ['eu', 'eu', 'https', true],
      ['us', 'US', 'http', false],
    ]);
  });

  it('rejects a clusters file with duplicate ids or a cluster with nothing to reach', () => {
    expect(() => parseConfig({ CLUSTERS_FILE: file('dup.json', JSON.stringify([{ id: 'a', http_urls: ['http://x:1'] }, { id: 'a', http_urls: ['http://y:1'] }])) })).toThrow(/appears twice/);
    expect(() => parseConfig({ CLUSTERS_FILE: file('empty.json', JSON.stringify([{ id: 'a' }])) })).toThrow(/needs sql_url or http_urls/);
    expect(() => parseConfig({ CLUSTERS_FILE: file('bad.json', '[{"id": "A B"}]') })).toThrow(/CLUSTERS_FILE\.0\.id/);
  });
});

describe('DB Console sign-in for /ts/query', () => {
  const one = { CRDB_HTTP_URLS: 'http://n1:8080' };
  it('none by default; a user with a password, or a cookie reduced to its session pair', () => {
    expect(parseConfig(one).clusters[0]?.console).toBeNull();
    expect(parseConfig({ ...one, CRDB_CONSOLE_USER: 'monitor', CRDB_CONSOLE_PASSWORD: 'pw' }).clusters[0]?.console).toEqual({ user: 'monitor', password: 'pw', cookie: null });
    expect(parseConfig({ ...one, CRDB_CONSOLE_COOKIE: 'session=CIGAqM6I6IGfCBIQ==; Path=/; HttpOnly' }).clusters[0]?.console?.cookie).toBe('session=CIGAqM6I6IGfCBIQ==');
    expect(parseConfig({ ...one, CRDB_CONSOLE_COOKIE: 'CIGAqM6I6IGfCBIQ==' }).clusters[0]?.console?.cookie).toBe('session=CIGAqM6I6IGfCBIQ==');
  });
  it('a user without a password stops start-up without echoing anything secret', () => {
    expect(() => parseConfig({ ...one, CRDB_CONSOLE_USER: 'monitor' })).toThrow(/user and password go together/);
  });
  it('a CLUSTERS_FILE entry has its own, the others take the variables', () => {
    const f = file('console.json', JSON.stringify([{ id: 'a', http_urls: ['http://a:8080'], console_cookie: 'session=abc' }, { id: 'b', http_urls: ['http://b:8080'] }]));
    const c = parseConfig({ CLUSTERS_FILE: f, CRDB_CONSOLE_USER: 'u', CRDB_CONSOLE_PASSWORD: 'p' }).clusters;
    expect(c.map((x) => x.console)).toEqual([{ user: null, password: null, cookie: 'session=abc' }, { user: 'u', password: 'p', cookie: null }]);
  });
});

describe('freshness and backup collections', () => {
  it('defaults: 10 min grace, stale at twice the interval, no extra collections', () => {
    expect(parseConfig({})).toMatchObject({ freshness: { grace: { kind: 'duration', s: 600 }, staleMultiplier: 2 }, backupCollections: [] });
  });

  it('reads a duration or a share of the interval, a multiplier and a list of URIs', () => {
    expect(parseConfig({ FRESHNESS_GRACE: '30m', FRESHNESS_STALE_MULTIPLIER: '3' }).freshness).toEqual({ grace: { kind: 'duration', s: 1_800 }, staleMultiplier: 3 });
    expect(parseConfig({ FRESHNESS_GRACE: '25%' }).freshness.grace).toEqual({ kind: 'fraction', f: 0.25 });
    expect(parseConfig({ BACKUP_COLLECTIONS: ' external://archive , s3://b/p?AWS_SECRET_ACCESS_KEY=x ' }).backupCollections).toEqual(['external://archive', 's3://b/p?AWS_SECRET_ACCESS_KEY=x']);
  });
});

describe('parseDuration', () => {
  it.each([
    ['10s', 10_000],
    ['1m', 60_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['14d', 14 * 86_400_000],
    ['1.5s', 1_500],
  ])('%s → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', '10', 's', '10 seconds', '-1s', '1y'])('%j is not a duration', (text) => expect(parseDuration(text)).toBeNull());
});

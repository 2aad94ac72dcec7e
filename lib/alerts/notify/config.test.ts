import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/config';
import { parseNotifyConfig } from './config';

const dir = mkdtempSync(path.join(tmpdir(), 'notify-cfg-'));
const caFile = path.join(dir, 'ca.pem');
writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
const notPem = path.join(dir, 'key.txt');
writeFileSync(notPem, 'hello');

describe('parseNotifyConfig', () => {
  it('configures nothing by default, with the dashboard on localhost:3000 (or PORT)', () => {
    expect(parseNotifyConfig({})).toEqual({ dashboardUrl: 'http://localhost:3000', alertmanager: null, webhooks: [] });
    expect(parseNotifyConfig({ PORT: '8080' }).dashboardUrl).toBe('http://localhost:8080');
    expect(parseNotifyConfig({ DASHBOARD_URL: 'https://ops.example.com/crdb/', PORT: '8080' }).dashboardUrl).toBe('https://ops.example.com/crdb');
  });

  it('reads several Alertmanagers with basic auth, Prometheus defaults for the resend delay', () => {
    const c = parseNotifyConfig({
      ALERTMANAGER_URL: 'http://am1:9093, https://am2.example.com/alertmanager/',
      ALERTMANAGER_USERNAME: 'dash',
      ALERTMANAGER_PASSWORD: 's3cret',
      ALERTMANAGER_CA: caFile,
    });
    expect(c.alertmanager).toMatchObject({
      authorization: `Basic ${Buffer.from('dash:s3cret').toString('base64')}`,
      resendDelayMs: 60_000,
      evaluationIntervalMs: 10_000,
    });
    expect(c.alertmanager?.ca).toContain('BEGIN CERTIFICATE');
    expect(c.alertmanager?.receivers.map((r) => r.display)).toEqual(['http://am1:9093', 'https://am2.example.com/alertmanager/']);
  });

  it('takes a bearer token, or user:password from the URL, never showing them', () => {
    expect(parseNotifyConfig({ ALERTMANAGER_URL: 'http://am:9093', ALERTMANAGER_BEARER_TOKEN: 'tok' }).alertmanager?.authorization).toBe('Bearer tok');
    const r = parseNotifyConfig({ ALERTMANAGER_URL: 'http://u%40x:p%3Aw@am:9093' }).alertmanager?.receivers[0];
    expect(r).toEqual({ url: 'http://am:9093/', display: 'http://am:9093', basicAuth: `Basic ${Buffer.from('u@x:p:w').toString('base64')}` });
  });

  it('hides a webhook path and query, where incoming webhooks keep their secret', () => {
    const c = parseNotifyConfig({ ALERT_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/XXXX,http://127.0.0.1:9000/hook?token=abc' });
    expect(c.webhooks.map((w) => w.display)).toEqual(['https://hooks.slack.com/services/…', 'http://127.0.0.1:9000/hook']);
    expect(c.webhooks[0].url).toBe('https://hooks.slack.com/services/T000/B000/XXXX');
    expect(c.webhooks[1].url).toBe('http://127.0.0.1:9000/hook?token=abc');
  });

  it('treats empty variables as unset', () => {
    expect(parseNotifyConfig({ ALERTMANAGER_URL: '', ALERT_WEBHOOK_URL: ' ', DASHBOARD_URL: '' })).toEqual({ dashboardUrl: 'http://localhost:3000', alertmanager: null, webhooks: [] });
  });

  it.each([
    [{ ALERTMANAGER_URL: 'am:9093' }, /^ALERTMANAGER_URL.*http\(s\)/],
    [{ ALERTMANAGER_URL: 'http://am:9093/?x=1' }, /^ALERTMANAGER_URL.*without a query/],
    [{ ALERTMANAGER_URL: ',' }, /^ALERTMANAGER_URL: must list at least one/],
    [{ ALERTMANAGER_URL: 'http://am:9093', ALERTMANAGER_USERNAME: 'u' }, /^ALERTMANAGER_USERNAME: must be set together with ALERTMANAGER_PASSWORD/],
    [{ ALERTMANAGER_URL: 'http://am:9093', ALERTMANAGER_PASSWORD: 'p' }, /^ALERTMANAGER_PASSWORD: must be set together with ALERTMANAGER_USERNAME/],
    [{ ALERTMANAGER_URL: 'http://am:9093', ALERTMANAGER_USERNAME: 'u', ALERTMANAGER_PASSWORD: 'p', ALERTMANAGER_BEARER_TOKEN: 't' }, /^ALERTMANAGER_BEARER_TOKEN: cannot be combined/],
    [{ ALERTMANAGER_URL: 'http://a:b@am:9093', ALERTMANAGER_BEARER_TOKEN: 't' }, /^ALERTMANAGER_URL: carries user:password/],
    [{ ALERTMANAGER_URL: 'https://am:9093', ALERTMANAGER_CA: '/nonexistent/ca.pem' }, /^ALERTMANAGER_CA: cannot use \/nonexistent\/ca.pem/],
    [{ ALERTMANAGER_URL: 'https://am:9093', ALERTMANAGER_CA: notPem }, /^ALERTMANAGER_CA: .*no PEM certificate/],
    [{ ALERTMANAGER_URL: 'http://am:9093', ALERTMANAGER_RESEND_DELAY: 'often' }, /^ALERTMANAGER_RESEND_DELAY: .*must be a duration/],
    [{ ALERTMANAGER_BEARER_TOKEN: 't' }, /^ALERTMANAGER_BEARER_TOKEN: set without ALERTMANAGER_URL/],
    [{ ALERT_WEBHOOK_URL: 'ftp://x/y' }, /^ALERT_WEBHOOK_URL.*http\(s\)/],
    [{ DASHBOARD_URL: 'localhost:3000' }, /^DASHBOARD_URL.*http\(s\)/],
  ])('rejects %o naming the variable', (env, message) => {
    expect(() => parseNotifyConfig(env)).toThrow(ConfigError);
    expect(() => parseNotifyConfig(env)).toThrow(message);
  });

  it('never puts a secret in its error messages', () => {
    try {
      parseNotifyConfig({ ALERTMANAGER_URL: 'http://am:9093', ALERTMANAGER_USERNAME: 'u', ALERTMANAGER_PASSWORD: 'hunter2', ALERTMANAGER_BEARER_TOKEN: 'tok-secret' });
    } catch (err) {
      expect((err as Error).message).not.toMatch(/hunter2|tok-secret/);
    }
  });
});

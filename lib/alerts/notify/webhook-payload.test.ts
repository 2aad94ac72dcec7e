import { describe, expect, it } from 'vitest';
import { alertFixture, transitionFixture } from './alert-fixtures';
import { isNotifiable, toWebhookBody } from './webhook-payload';

describe('toWebhookBody', () => {
  it('is the instance as-is with absolute links, the transition and a Slack text', () => {
    const alert = alertFixture();
    const body = toWebhookBody(transitionFixture(alert, 'pending', 'firing'), 'https://ops.example.com');
    expect(body).toEqual({
      ...alert,
      links: [{ label: 'Schedule nightly', href: 'https://ops.example.com/c/demo/schedules/1012345678901234567' }],
      transition: { from: 'pending', to: 'firing', at: '2026-12-01T10:05:00.000Z' },
      text: '[FIRING critical] demo: Schedule nightly has not completed a backup for 2h — https://ops.example.com/c/demo/schedules/1012345678901234567',
    });
    // The instance handed in is not changed.
    expect(alert.links[0].href).toBe('/c/demo/schedules/1012345678901234567');
  });

  it('says RESOLVED, and links the alerts page when there is no link', () => {
    const alert = alertFixture({ state: 'resolved', resolved_at: '2026-12-01T11:00:00.000Z', links: [], severity: 'warning' });
    expect(toWebhookBody(transitionFixture(alert, 'firing', 'resolved'), 'http://localhost:3000').text).toBe(
      '[RESOLVED warning] demo: Schedule nightly has not completed a backup for 2h — http://localhost:3000/c/demo/alerts',
    );
  });
});

describe('isNotifiable', () => {
  it.each([
    ['inactive', 'pending', false],
    ['pending', 'inactive', false],
    ['pending', 'firing', true],
    ['inactive', 'firing', true],
    ['firing', 'resolved', true],
    ['resolved', 'inactive', false],
  ] as const)('%s → %s: %s', (from, to, yes) => {
    expect(isNotifiable({ alert: alertFixture(), from, to, at: '2026-12-01T10:05:00.000Z' })).toBe(yes);
  });
});

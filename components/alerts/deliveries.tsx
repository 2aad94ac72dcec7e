import type { ReactNode } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { cn } from '@/components/ui/cn';
import { formatCount } from '@/lib/format/number';
import type { DeliveryStatus } from '@/lib/api/types/alerts';

function Fact({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn('flex min-w-0 flex-col', className)}>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="text-sm tabular-nums">{children}</dd>
    </div>
  );
}

const KIND: Record<DeliveryStatus['kind'], string> = { alertmanager: 'Alertmanager', webhook: 'webhook' };

function Receiver({ d, now }: { d: DeliveryStatus; now: number }) {
  const failing = d.last_error !== null && (d.last_success === null || Date.parse(d.last_error.at) > Date.parse(d.last_success));
  return (
    <li data-testid="delivery" data-receiver={d.receiver} className={cn('flex min-w-0 flex-col gap-2 rounded-md border border-l-4 px-3 py-2', failing ? 'border-zinc-200 border-l-red-600 dark:border-zinc-800 dark:border-l-red-500' : 'border-zinc-200 border-l-emerald-500 dark:border-zinc-800 dark:border-l-emerald-600')}>
      <p className="flex min-w-0 flex-wrap items-baseline gap-x-2">
        <span className="font-medium">{d.receiver}</span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{KIND[d.kind]}</span>
        {/* The API strips credentials from the URL (a webhook keeps only its first path segment). */}
        <span className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{d.url}</span>
      </p>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1.5 sm:grid-cols-4">
        <Fact label="Last success">{d.last_success ? <LocalTime ms={Date.parse(d.last_success)} now={now} /> : 'never'}</Fact>
        <Fact label="Failures in a row">
          <span className={cn(d.failures > 0 && 'font-semibold text-red-700 dark:text-red-400')}>{formatCount(d.failures)}</span>
        </Fact>
        <Fact label="Queued">{formatCount(d.queued)}</Fact>
        <Fact label="Dropped">
          <span className={cn(d.dropped > 0 && 'font-semibold text-red-700 dark:text-red-400')}>{formatCount(d.dropped)}</span>
        </Fact>
        <Fact label="Last error" className="col-span-2 sm:col-span-4">
          {d.last_error ? (
            <span className="flex flex-col">
              <LocalTime ms={Date.parse(d.last_error.at)} now={now} />
              <span data-testid="delivery-error" className="font-mono text-xs break-words text-red-700 dark:text-red-400">
                {d.last_error.message}
              </span>
            </span>
          ) : (
            'none'
          )}
        </Fact>
      </dl>
    </li>
  );
}

/**
 * Where alerts go, and how that is going: each receiver's last success, its last error with the
 * message, what waits in its queue and what was dropped. With none configured, how to add one.
 */
export function Deliveries({ deliveries, evaluating, now }: { deliveries: readonly DeliveryStatus[]; evaluating: boolean; now: number }) {
  return (
    <section aria-labelledby="deliveries-heading" data-testid="deliveries" className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white px-3 py-3 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="deliveries-heading" className="text-base font-semibold">
        Notification deliveries
      </h2>
      {!evaluating ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This dashboard does not evaluate alerts (<code className="font-mono">ALERTS_EVALUATE=false</code>): it shows what the evaluating replica stored, and that replica sends the notifications.
        </p>
      ) : deliveries.length === 0 ? (
        <div data-testid="deliveries-none" className="flex flex-col gap-1 text-sm text-zinc-700 dark:text-zinc-300">
          <p>No receivers are configured: alerts show on this page and in the navigation only.</p>
          <p className="text-zinc-600 dark:text-zinc-400">
            To be notified, set <code className="font-mono">ALERTMANAGER_URL</code> (Alertmanager base URLs, comma-separated) or <code className="font-mono">ALERT_WEBHOOK_URL</code> (a JSON POST
            per alert that fires or resolves, Slack-compatible) and restart the dashboard; <code className="font-mono">DASHBOARD_URL</code> makes the links in notifications absolute. See{' '}
            <code className="font-mono">.env.example</code>.
          </p>
        </div>
      ) : (
        <ul aria-label="Receivers" className="flex flex-col gap-2">
          {deliveries.map((d) => (
            <Receiver key={`${d.kind}|${d.receiver}`} d={d} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

'use client';

import { useCallback, useState } from 'react';

/** What a control statement did: the done line, or CockroachDB's error as the API relays it (409 with its text). */
export interface StatementOutcome {
  ok: boolean;
  text: string;
}

/**
 * POSTs one control route (PAUSE/RESUME/CANCEL JOB, PAUSE/RESUME SCHEDULE) and keeps the outcome.
 * `onDone` runs whenever the dashboard answered, error or not, so the page re-reads the state the
 * statement may have changed; it does not run when the dashboard did not answer at all.
 */
export function useStatementPost(onDone: () => void) {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<StatementOutcome | null>(null);

  const post = useCallback(
    async <T>(url: string, doneText: (body: T | null) => string) => {
      setPending(true);
      try {
        const res = await fetch(url, { method: 'POST' });
        const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
        setOutcome(res.ok ? { ok: true, text: doneText(body) } : { ok: false, text: body?.error?.message ?? `HTTP ${res.status}` });
        onDone();
      } catch (err) {
        setOutcome({ ok: false, text: err instanceof Error ? err.message : String(err) });
      } finally {
        setPending(false);
      }
    },
    [onDone],
  );

  return { pending, outcome, post, clear: useCallback(() => setOutcome(null), []) };
}

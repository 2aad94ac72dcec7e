/**
 * withReadOnly with an 'error' listener on the client while it is checked out. pg-pool removes its
 * idle listener on checkout, and pg's Client emits 'error' (besides rejecting the query) when the
 * socket dies mid-query: with no listener that is an uncaught exception in the server process
 * (seen when the SQL node drops connections during a multi-statement read). The query's own
 * rejection still reaches withReadOnly, which maps it to sql_unavailable and drops the client.
 * TODO(session.ts owner): move this into withReadOnly itself so every caller gets it.
 */
import type { ClusterConfig } from '../config';
import { withReadOnly, type Session } from './session';

const ignore = () => undefined;

export function withGuardedReadOnly<T>(cluster: ClusterConfig, doing: string, fn: (c: Session) => Promise<T>): Promise<T> {
  return withReadOnly(cluster, doing, async (c) => {
    c.on('error', ignore);
    try {
      return await fn(c);
    } finally {
      c.off('error', ignore);
    }
  });
}

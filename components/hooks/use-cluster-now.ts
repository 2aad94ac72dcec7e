'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { useNow } from './use-now';

// Per cluster: its clock minus the dashboard's (ms), as the server last measured it. One map for the
// page, so every widget of a cluster measures its ages against the same "now".
const skews = new Map<string, number>();
const listeners = new Set<() => void>();

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** A fresher measurement (a schedules answer carries clock_skew_ms): every reader re-renders. */
export function noteClusterSkew(cluster: string, skewMs: number | undefined): void {
  if (skewMs === undefined || !Number.isFinite(skewMs) || skews.get(cluster) === skewMs) return;
  skews.set(cluster, skewMs);
  for (const l of listeners) l();
}

/** Records an answer's clock_skew_ms after render (never during it). */
export function useNoteClusterSkew(cluster: string, skewMs: number | undefined): void {
  useEffect(() => noteClusterSkew(cluster, skewMs), [cluster, skewMs]);
}

/**
 * "Now" on the cluster's clock, ticking every second: the dashboard's now (`renderedAt` for the
 * server render and hydration) plus the cluster's skew (`initialSkewMs` from the server render until
 * an answer brings a newer one). For ages of cluster times: a job's finish, a backup's completion.
 * Ages of the dashboard's own times (a scrape) use useNow.
 */
export function useClusterNow(cluster: string, renderedAt: number, initialSkewMs = 0): number {
  const now = useNow(renderedAt);
  const skew = useSyncExternalStore(
    subscribe,
    () => skews.get(cluster) ?? initialSkewMs,
    () => initialSkewMs,
  );
  return now + skew;
}

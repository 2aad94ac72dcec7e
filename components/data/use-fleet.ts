'use client';

import useSWR from 'swr';
import type { FleetAnswer } from '@/lib/api/types/fleet';
import { fetcher, type FetchError } from './fetcher';
import { liveOptions } from './live-options';

/** The fleet, re-fetched every `refreshMs` (0 = never); the server's answer is the first paint, and a failed refresh keeps the last one. */
export function useFleet(opts: { fallbackData: FleetAnswer; refreshMs: number }) {
  const swr = useSWR<FleetAnswer, FetchError>('/api/v1/fleet', fetcher, liveOptions(opts.fallbackData, opts.refreshMs));
  return { ...swr, data: swr.data ?? opts.fallbackData };
}

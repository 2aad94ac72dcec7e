'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { parseViewParams, queryString, withView, type ViewParams } from '@/lib/links';

/** The panel's state from the URL, and a way to change it: each change is a history entry, so back/forward step through views. */
export function useViewNav() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const view = parseViewParams(params);
  const hrefWith = (patch: Partial<ViewParams>) => `${pathname}${queryString(withView(params.toString(), patch))}`;
  const go = (patch: Partial<ViewParams>) => router.push(hrefWith(patch), { scroll: false });
  return { view, go, hrefWith };
}

/**
 * The opaque page cursor: base64url of the last row's sort key and job_id (keyset pagination, so a
 * page costs the same however deep it is and rows arriving meanwhile never shift a page). It also
 * carries the sort it belongs to, so a cursor pasted into another sort is refused, not misread.
 */
import { z } from 'zod';

export const CursorData = z.object({
  /** Sort this cursor was made for, e.g. "-created". */
  s: z.string().max(20),
  /** The sort column's value on the last row, as the database printed it (null for a NULL). */
  k: z.string().max(100).nullable(),
  /** job_id of the last row: INT8 as digits. */
  id: z.string().regex(/^\d{1,19}$/),
  /** 'b': the page *before* this row (Previous); absent: the page after it. */
  d: z.literal('b').optional(),
});
export type CursorData = z.infer<typeof CursorData>;

export function encodeCursor(c: CursorData): string {
  // Keys are ASCII (timestamps, statuses, digits), so btoa is enough and works in the browser too.
  return btoa(JSON.stringify(c)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(text: string): CursorData | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(text)) return null;
  try {
    const r = CursorData.safeParse(JSON.parse(atob(text.replace(/-/g, '+').replace(/_/g, '/'))));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

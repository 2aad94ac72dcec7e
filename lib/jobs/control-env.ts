/**
 * Job control (PAUSE / RESUME / CANCEL JOB) is opt-in: DESIGN "Read-only by default; job control is
 * opt-in and confirmed". Only "true" (any case) turns it on; anything else, or nothing, keeps it off.
 */
import { z } from 'zod';

const Env = z.object({ ENABLE_JOB_CONTROL: z.string().optional() });

export function jobControlEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const parsed = Env.safeParse(env);
  return parsed.success && parsed.data.ENABLE_JOB_CONTROL?.trim().toLowerCase() === 'true';
}

/**
 * Backup sizes. IEC units (1 KiB = 1024 B), as CockroachDB's DB Console and `SHOW BACKUP`'s
 * size_bytes are binary; en-US digits so the server's render and hydration print the same text.
 */
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 2_512_540_338 → "2.3 GiB"; 512 → "512 B"; "—" when not a finite, non-negative number. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '—';
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${ONE_DECIMAL.format(v)} ${UNITS[i]}`;
}

/** A ratio 0–1 → "97 %" (one decimal below 100 % when it matters: 0.995 → "99.5 %"); "—" for null. */
export function formatRatio(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return '—';
  const pct = Math.min(100, Math.max(0, r * 100));
  return `${pct >= 99.95 ? 100 : ONE_DECIMAL.format(pct)} %`;
}

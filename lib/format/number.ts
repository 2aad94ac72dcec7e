/**
 * Metric values as numbers. The locale is fixed (en-US: "," thousands, "." decimals) so that the
 * server's render and the browser's hydration print the same text, whatever their locales.
 */
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 1234 → "1,234"; 0.5 → "0.5"; Prometheus spellings for the special values (NaN, +Inf, -Inf). */
export function formatCount(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return '+Inf';
  if (n === Number.NEGATIVE_INFINITY) return '-Inf';
  return Number.isInteger(n) ? INTEGER.format(n) : DECIMAL.format(n);
}

/** "2/3" for scraped nodes and the like. */
export function formatFraction(part: number, whole: number): string {
  return `${part}/${whole}`;
}

/**
 * The first line of a CockroachDB job error: the cause ("failed to write to external storage: s3:
 * AccessDenied: Access Denied"), without the status code and request id lines Go's errors add below.
 */
export function errorHeadline(error: string | null): string {
  const line = (error ?? '').split('\n')[0].trim();
  return line || 'no error text';
}

import { describe, expect, it } from 'vitest';
import { errorHeadline } from './error-text';

describe('errorHeadline', () => {
  it('keeps the cause, drops the request-id lines; empty or null says so', () => {
    expect(errorHeadline('failed to write to external storage: s3: AccessDenied: Access Denied\n\tstatus code: 403, request id: X')).toBe('failed to write to external storage: s3: AccessDenied: Access Denied');
    expect(errorHeadline(null)).toBe('no error text');
    expect(errorHeadline('  \nsecond')).toBe('no error text');
  });
});

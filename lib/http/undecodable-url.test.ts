import { describe, expect, it } from 'vitest';
import { isUndecodablePath, undecodablePathAnswer } from './undecodable-url';

describe('isUndecodablePath', () => {
  it.each(['/c/%zz', '/api/v1/clusters/demo/nodes/%/vars', '/api/v1/clusters/%E0%A4%A/jobs', '/c/demo/jobs/%ED%A0%80', '/%'])('%s cannot be decoded', (url) => {
    expect(isUndecodablePath(url)).toBe(true);
  });
  it.each(['/', '/c/demo', '/api/v1/clusters/demo/nodes/%25/vars', '/c/%F0%9F%94%A5', '/c/demo?q=%zz', '/c/demo/jobs?q=100%'])('%s can (a bad query is the route’s to refuse)', (url) => {
    expect(isUndecodablePath(url)).toBe(false);
  });
});

describe('undecodablePathAnswer', () => {
  it('answers an API path with the API error body', () => {
    const a = undecodablePathAnswer('/api/v1/clusters/%zz/jobs');
    expect(a.status).toBe(400);
    expect(a.headers['content-type']).toBe('application/json');
    expect(JSON.parse(a.body)).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('percent-encoding') } });
  });
  it('answers a page path with a line of text', () => {
    const a = undecodablePathAnswer('/c/%zz');
    expect(a.status).toBe(400);
    expect(a.headers['content-type']).toMatch(/^text\/plain/);
    expect(a.body).toMatch(/^400 Bad Request: /);
  });
});

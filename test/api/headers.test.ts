/**
 * Security headers (helmet) on the staff page, the API, the widgets and the demo page: one
 * strict Content-Security-Policy, no framing, no sniffing, and cross-origin loading allowed
 * exactly where the widgets are embedded by other sites.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { CSP_DIRECTIVES } from '../../api/hardening.ts';
import { ADMIN_PASSWORD } from '../admin-helpers.ts';
import { testApp } from '../helpers.ts';

const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD });
after(() => app.close());

/** The CSP header as a map of directive to its sources. */
function cspOf(header: unknown): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of String(header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

const COMMON = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'x-permitted-cross-domain-policies': 'none',
};

const PAGES: [string, string, number][] = [
  ['the staff page', '/admin', 200],
  ['the staff page with a slash', '/admin/', 200],
  ['a public API answer', '/api/health', 200],
  ['a public API error', '/api/pqrs/track', 404],
  ['a staff API refusal', '/api/admin/session', 401],
  ['an unknown route', '/api/no-existe', 404],
];

describe('every answer carries the security headers', () => {
  for (const [what, url, status] of PAGES) {
    test(what, async () => {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, status, res.body);
      for (const [name, value] of Object.entries(COMMON)) assert.equal(res.headers[name], value, `${url} ${name}`);
      assert.match(String(res.headers['strict-transport-security']), /max-age=\d{7,}/);
      const csp = cspOf(res.headers['content-security-policy']);
      assert.deepEqual(csp.get('default-src'), ["'self'"]);
      assert.deepEqual(csp.get('script-src'), ["'self'"], 'no inline or foreign script');
      assert.deepEqual(csp.get('style-src'), ["'self'"], 'no inline style');
      assert.deepEqual(csp.get('object-src'), ["'none'"]);
      assert.deepEqual(csp.get('base-uri'), ["'none'"]);
      assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
      for (const sources of csp.values()) {
        assert.ok(!sources.some((s) => /unsafe|\*|https?:/.test(s)), `${url}: ${res.headers['content-security-policy']}`);
      }
    });
  }

  test('the one policy is the one helmet sends (no second CSP header on /admin)', async () => {
    const res = await app.inject({ url: '/admin' });
    assert.equal(typeof res.headers['content-security-policy'], 'string');
    assert.equal(cspOf(res.headers['content-security-policy']).size, Object.keys(CSP_DIRECTIVES).length);
  });
});

describe('Cross-Origin-Resource-Policy', () => {
  test('the public API can be read by embedding sites', async () => {
    const res = await app.inject({ url: '/api/health' });
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
  });

  test('the staff page and the staff API are same-origin only', async () => {
    for (const url of ['/admin', '/admin/', '/api/admin/session', '/api/admin/users']) {
      const res = await app.inject({ url });
      assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin', url);
    }
  });
});

describe('the demo page (standing in for the entity site)', () => {
  test('keeps a strict policy except for its own inline style', async () => {
    const res = await app.inject({ url: '/' });
    assert.equal(res.statusCode, 200);
    const csp = cspOf(res.headers['content-security-policy']);
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.deepEqual(csp.get('style-src'), ["'self'", "'unsafe-inline'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
  });
});

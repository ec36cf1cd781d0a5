/** `GET /admin`: the staff page's shell, CSP-friendly and never framed. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { testApp } from '../helpers.ts';

const { app } = await testApp();
after(() => app.close());

for (const url of ['/admin', '/admin/']) {
  test(`${url} sends the shell that loads the admin bundle, with no inline script or style`, async () => {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(res.body, /^<!doctype html>\s*<html lang="es">/);
    assert.match(res.body, /<script type="module" src="\/widgets\/admin\.js"><\/script>/);
    assert.match(res.body, /<ecam-admin>/);
    // Every script has a src and there is no <style> or style attribute: a strict CSP holds.
    assert.deepEqual(res.body.match(/<script(?![^>]*\ssrc=)[^>]*>/g), null);
    assert.doesNotMatch(res.body, /<style|\sstyle=/);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['cache-control'], 'no-cache');
  });
}

test('the shell is not part of the staff API: it needs no session, and the API still does', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/admin' })).statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/api/admin/session' })).statusCode, 401);
});

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import { SMTPServer } from 'smtp-server';
import { testApp, validPqrs } from '../helpers.ts';

type Challenge = { enabled: true; algorithm: string; challenge: string; maxnumber: number; salt: string; signature: string };

/** Solves a challenge the way the widget does, returning the payload it sends. */
async function solve(c: Challenge): Promise<string> {
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  assert.ok(solution, 'the challenge has a solution');
  return Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solution.number, salt: c.salt, signature: c.signature })).toString('base64');
}

describe('proof of work (ECAM_CHALLENGE on)', async () => {
  const { app } = await testApp({ ECAM_CHALLENGE: 'on', ECAM_CHALLENGE_MAX_NUMBER: '2000' });
  after(() => app.close());
  const post = (body: object) => app.inject({ method: 'POST', url: '/api/pqrs', payload: body });
  const challenge = async () => (await app.inject({ method: 'GET', url: '/api/challenge' })).json() as Challenge;

  test('issues a challenge that is never cached', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/challenge' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const c = res.json();
    assert.equal(c.enabled, true);
    assert.equal(c.algorithm, 'SHA-256');
    assert.equal(c.maxnumber, 2000);
  });

  test('a filing without a solution is refused with 403 and code "challenge"', async () => {
    const res = await post(validPqrs());
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'challenge');
    assert.match(res.json().error, /No pudimos verificar/);
  });

  test('a forged solution is refused', async () => {
    const c = await challenge();
    const forged = Buffer.from(JSON.stringify({ ...c, number: 1, signature: 'f'.repeat(64) })).toString('base64');
    assert.equal((await post(validPqrs({ altcha: forged }))).statusCode, 403);
    assert.equal((await post(validPqrs({ altcha: 'no-es-base64-ni-json' }))).statusCode, 403);
  });

  test('a solved challenge files once; replaying it is refused', async () => {
    const altcha = await solve(await challenge());
    const first = await post(validPqrs({ altcha }));
    assert.equal(first.statusCode, 201, first.body);
    const replay = await post(validPqrs({ altcha }));
    assert.equal(replay.statusCode, 403);
  });

  test('a validation error does not spend the solution', async () => {
    const altcha = await solve(await challenge());
    assert.equal((await post(validPqrs({ altcha, subject: '' }))).statusCode, 400);
    assert.equal((await post(validPqrs({ altcha }))).statusCode, 201);
  });

  test('with ECAM_CHALLENGE=off the endpoint says so and filings need no solution', async () => {
    const { app: off } = await testApp();
    assert.deepEqual((await off.inject({ method: 'GET', url: '/api/challenge' })).json(), { enabled: false });
    assert.equal((await off.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs() })).statusCode, 201);
    await off.close();
  });
});

describe('rate limits (ECAM_RATE_LIMIT on)', async () => {
  const { app } = await testApp({ ECAM_RATE_LIMIT: 'on', ECAM_RATE_LIMIT_MAX: '3' });
  after(() => app.close());

  test('public filings per IP get 429 with Retry-After and a Spanish message', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs(), remoteAddress: '10.0.0.7' });
      statuses.push(last.statusCode);
    }
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    assert.ok(Number(last!.headers['retry-after']) > 0);
    assert.match(last!.json().error, /Demasiadas solicitudes desde su conexión/);
    const other = await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs(), remoteAddress: '10.0.0.8' });
    assert.equal(other.statusCode, 201, 'another IP is not affected');
  });

  test('read-only endpoints are not limited by the filing limit', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/calendar/deadline?type=queja', remoteAddress: '10.0.0.7' });
      assert.equal(res.statusCode, 200);
    }
  });
});

describe('acknowledgement e-mail through a real SMTP server', async () => {
  const received: { to: string; body: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let body = '';
      stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  const { app } = await testApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
  after(async () => {
    await app.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  test('is sent with the radicado and marked sent in the outbox', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs({}, { email: 'ciudadana@example.co' }) });
    assert.equal(res.statusCode, 201);
    await app.mailer.flush();
    assert.equal(received.length, 1);
    assert.equal(received[0]!.to, 'ciudadana@example.co');
    assert.ok(received[0]!.body.includes(res.json().radicado));
    const row = app.db.prepare('SELECT sent_at, attempts FROM outbox').get() as { sent_at: string | null; attempts: number };
    assert.ok(row.sent_at);
    assert.equal(row.attempts, 1);
  });
});

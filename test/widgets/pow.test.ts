/** The proof-of-work solver in the browser (the real server accepts it: see pqrs.test.ts). */
import { expect } from '@open-wc/testing';
import { sha256Hex, solveChallenge } from '../../widgets/shared/pow.ts';

async function subtleHex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('pow', () => {
  it('has a fallback SHA-256 that agrees with crypto.subtle (for pages on plain http)', async () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'b'.repeat(64), 'ñandú €'.repeat(40)]) {
      expect(sha256Hex(text), `length ${text.length}`).to.equal(await subtleHex(text));
    }
  });

  it('finds the number and returns the ALTCHA payload', async () => {
    const salt = '0a1b2c3d4e5f?expires=9999999999&';
    const challenge = await subtleHex(`${salt}777`);
    const payload = await solveChallenge({ algorithm: 'SHA-256', challenge, maxnumber: 2000, salt, signature: 'firma' });
    expect(JSON.parse(atob(payload!))).to.deep.equal({ algorithm: 'SHA-256', challenge, number: 777, salt, signature: 'firma' });
  });

  it('solves a challenge from the real API', async () => {
    const c = await (await fetch('/api/challenge')).json();
    expect(c.enabled).to.equal(true);
    const payload = await solveChallenge(c);
    const solved = JSON.parse(atob(payload!));
    expect(await subtleHex(`${c.salt}${solved.number}`)).to.equal(c.challenge);
  });

  it('returns null when no number in range matches', async () => {
    const payload = await solveChallenge({ algorithm: 'SHA-256', challenge: 'f'.repeat(64), maxnumber: 600, salt: 'x', signature: 's' });
    expect(payload).to.equal(null);
  });
});

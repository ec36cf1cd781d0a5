/**
 * ALTCHA v1 proof of work, solved in the browser with no third party and no puzzle:
 * find n in [0, maxnumber] such that hex(SHA-256(salt + n)) === challenge.
 */

/** What `GET /api/challenge` returns when the proof of work is on. */
export interface AltchaChallenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

const BATCH = 500;
const encoder = new TextEncoder();

function hex(buffer: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A small synchronous SHA-256 for pages served over plain http, where `crypto.subtle` does
 * not exist (it needs a secure context, and many municipal sites are not yet on https).
 */
export function sha256Hex(message: string): string {
  const k: number[] = [];
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  // The round constants are the fractional parts of the cube roots of the first 64 primes.
  for (let n = 2; k.length < 64; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (prime) k.push(((Math.cbrt(n) % 1) * 2 ** 32) | 0);
  }
  const bytes = encoder.encode(message);
  const words = new Uint32Array((((bytes.length + 8) >> 6) + 1) * 16);
  bytes.forEach((b, i) => (words[i >> 2] |= b << (24 - (i % 4) * 8)));
  words[bytes.length >> 2] |= 0x80 << (24 - (bytes.length % 4) * 8);
  words[words.length - 1] = bytes.length * 8;
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let i = 0; i < words.length; i += 16) {
    let [a, b, c, d, e, f, g, hh] = h;
    for (let j = 0; j < 64; j++) {
      if (j < 16) w[j] = words[i + j];
      else {
        const x = w[j - 15];
        const y = w[j - 2];
        w[j] =
          w[j - 16] + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[j - 7] + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10));
      }
      const t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[j] + w[j];
      const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, idx) => (h[idx] = (h[idx] + v) | 0));
  }
  return h.map((v) => (v >>> 0).toString(16).padStart(8, '0')).join('');
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Solves the challenge and returns the ALTCHA payload the server expects in the `altcha`
 * field, or null when no number in range matches (a bad challenge). Works in batches and
 * yields between them so typing never stutters; `signal` stops the search.
 */
export async function solveChallenge(c: AltchaChallenge, signal?: AbortSignal): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle && c.algorithm.toUpperCase() !== 'SHA-256') {
    throw new Error(`No se puede resolver ${c.algorithm} sin crypto.subtle`);
  }
  const target = c.challenge.toLowerCase();
  for (let start = 0; start <= c.maxnumber; start += BATCH) {
    if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
    const end = Math.min(start + BATCH - 1, c.maxnumber);
    const numbers = Array.from({ length: end - start + 1 }, (_, i) => start + i);
    const hashes = subtle
      ? await Promise.all(numbers.map(async (n) => hex(await subtle.digest(c.algorithm, encoder.encode(c.salt + n)))))
      : numbers.map((n) => sha256Hex(c.salt + n));
    const found = hashes.indexOf(target);
    if (found >= 0) {
      const { algorithm, challenge, salt, signature } = c;
      return btoa(JSON.stringify({ algorithm, challenge, number: numbers[found], salt, signature }));
    }
    await yieldToEventLoop();
  }
  return null;
}

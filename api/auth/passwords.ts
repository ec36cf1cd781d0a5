/**
 * Staff password hashing: scrypt from node:crypto with the OWASP parameters (N=2^17, r=8, p=1),
 * stored as a self-describing PHC-style string so the parameters can be raised later without
 * invalidating existing hashes: `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64url, no padding).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const LOG_N = 17;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** N=2^17 with r=8 needs 128 MiB; Node's default cap is 32 MiB. */
const MAX_MEM = 256 * 1024 * 1024;

/** Passwords accepted for staff accounts. Long passphrases are welcome; the cap bounds the work. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/** Runs on libuv's thread pool, so a login never blocks other requests for the ~0.3 s it takes. */
function derive(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** A new hash of `password` with a random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, { N: 2 ** LOG_N, r: R, p: P, maxmem: MAX_MEM });
  return `$scrypt$ln=${LOG_N},r=${R},p=${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([\w-]+)\$([\w-]+)$/;

/** Whether `password` matches `stored`; compares in constant time, false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const [logN, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Bounds keep a tampered row from asking for gigabytes of memory.
  if (logN < 10 || logN > 20 || r < 1 || r > 16 || p < 1 || p > 4) return false;
  const salt = Buffer.from(m[4]!, 'base64url');
  const expected = Buffer.from(m[5]!, 'base64url');
  if (expected.length < 16) return false;
  const actual = await derive(password, salt, expected.length, { N: 2 ** logN, r, p, maxmem: MAX_MEM });
  return timingSafeEqual(actual, expected);
}

/** A real hash of a password nobody uses, with the same parameters as new hashes. */
const DUMMY_HASH = '$scrypt$ln=17,r=8,p=1$2ntSohK1-UxlNeMPnUPvlQ$ygxN-RVIu7VrwfSlak0l8TeTruHcA5aQ--wZzwdY_PU';

/**
 * Spends the same time as a real verification and always fails: used for unknown usernames so
 * the answer's timing does not tell whether an account exists.
 */
export async function dummyVerify(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_HASH);
  return false;
}

/** A random password for a new or reset account: 20 characters, 120 bits. */
export function randomPassword(): string {
  return randomBytes(15).toString('base64url');
}

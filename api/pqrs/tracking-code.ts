import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: a code read aloud or copied by hand survives. 31 symbols, ~4.95 bits each. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 12 symbols: about 59 bits from the CSPRNG. */
const LENGTH = 12;

/** A new tracking code, shown once to the citizen as `XXXX-XXXX-XXXX`. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

/** What the citizen typed, in canonical form: upper case, no separators or spaces. */
export function normalizeTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Only this hash is stored; the radicado salts it so equal codes never hash alike. */
export function hashTrackingCode(radicado: string, code: string): string {
  return createHash('sha256').update(`${radicado}:${normalizeTrackingCode(code)}`).digest('hex');
}

/** Compares a typed code against the stored hash in constant time. */
export function trackingCodeMatches(radicado: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashTrackingCode(radicado, code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

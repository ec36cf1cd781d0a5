import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { ApiError } from '../errors.ts';

const TTL_MS = 15 * 60 * 1000;

/**
 * Invisible proof of work (ALTCHA v1, SHA-256): the widget spends a fraction of a second of CPU
 * per filing, which costs a bot sending thousands far more. Each solution is spent once.
 */
export class Challenges {
  // Per process: a restart only invalidates the few challenges in flight, which the widget refetches.
  private readonly hmacKey = randomBytes(32).toString('hex');
  private readonly spend;
  private readonly purge;

  constructor(
    db: Db,
    private readonly maxNumber: number,
  ) {
    this.spend = db.prepare('INSERT OR IGNORE INTO spent_challenges (signature, expires_at) VALUES (?, ?)');
    this.purge = db.prepare('DELETE FROM spent_challenges WHERE expires_at < ?');
  }

  create() {
    return createChallenge({
      hmacKey: this.hmacKey,
      maxNumber: this.maxNumber,
      expires: new Date(Date.now() + TTL_MS),
    });
  }

  /** Throws 403 (`code: 'challenge'`) unless `payload` solves a live, unspent challenge. */
  async verify(payload: unknown): Promise<void> {
    const fail = () =>
      new ApiError(403, 'No pudimos verificar el envío. Intente de nuevo.', undefined, 'challenge');
    if (typeof payload !== 'string' || payload.length > 2000) throw fail();
    let ok = false;
    try {
      ok = await verifySolution(payload, this.hmacKey, true);
    } catch {
      ok = false;
    }
    if (!ok) throw fail();
    const { signature } = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { signature: string };
    const now = Date.now();
    this.purge.run(now);
    if (this.spend.run(signature, now + TTL_MS).changes === 0) throw fail();
  }
}

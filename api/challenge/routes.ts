import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const challengeSchema = z.union([
  z.object({ enabled: z.literal(false) }),
  z.object({
    enabled: z.literal(true),
    algorithm: z.string(),
    challenge: z.string(),
    maxnumber: z.number().optional(),
    salt: z.string(),
    signature: z.string(),
  }),
]);
export type ChallengeResponse = z.infer<typeof challengeSchema>;

/** `GET /api/challenge`: a fresh proof-of-work challenge for the next public write. */
const challengeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: { response: { 200: challengeSchema } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (_req, reply) => {
      reply.header('Cache-Control', 'no-store');
      if (!app.challenges) return { enabled: false as const };
      return { enabled: true as const, ...(await app.challenges.create()) };
    },
  );
};

export default challengeRoutes;

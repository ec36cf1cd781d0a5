import path from 'node:path';
import { z } from 'zod';

/** An on/off switch read from the environment; anything but `off`, `false` or `0` is on. */
const onOff = z
  .string()
  .optional()
  .transform((v) => !(v && ['off', 'false', '0', 'no'].includes(v.trim().toLowerCase())));

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  ECAM_DATA_DIR: z.string().default('./data'),
  /** Public origin of this server, used in links sent by e-mail. */
  ECAM_PUBLIC_URL: z.string().url().optional(),
  ECAM_ALLOWED_ORIGINS: list,
  ECAM_CHALLENGE: onOff,
  ECAM_CHALLENGE_MAX_NUMBER: z.coerce.number().int().min(1000).default(50_000),
  ECAM_RATE_LIMIT: onOff,
  ECAM_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(10),
  ECAM_RADICADO_PREFIX: z
    .string()
    .regex(/^[A-Z0-9]{1,12}$/, 'ECAM_RADICADO_PREFIX: solo mayúsculas y dígitos, máximo 12')
    .default('ECAM'),
  ECAM_MAX_FILES: z.coerce.number().int().min(0).max(20).default(5),
  ECAM_MAX_FILE_MB: z.coerce.number().min(0.01).max(100).default(10),
  ECAM_ENTITY_NAME: z.string().min(1).default('Escuela de Capacitación Municipal de Floridablanca (ECAM)'),
  ECAM_POLICY_VERSION: z.string().min(1).default('2026-01'),
  ECAM_POLICY_URL: z.string().default('/politica-datos'),
  /** Hour (0-23, Bogotá) after which a request counts as received the next business day. */
  ECAM_CUTOFF_HOUR: z.coerce.number().int().min(0).max(23).optional(),
  /** Minutes without activity after which a staff session ends. */
  ECAM_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Hours after login after which a staff session ends, active or not. */
  ECAM_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  /** Password of the `admin` user created on first start; a random one is logged when unset. */
  ECAM_ADMIN_PASSWORD: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(12, 'ECAM_ADMIN_PASSWORD: al menos 12 caracteres').max(256).optional(),
  ),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('ECAM Participa <no-responder@ecam.gov.co>'),
  /** Set when behind a reverse proxy, so rate limits and consent see the citizen's IP. */
  ECAM_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => ['on', 'true', '1', 'yes'].includes((v ?? '').trim().toLowerCase())),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Event-loop delay (ms) above which requests get 503 + Retry-After instead of queueing; 0 turns the check off. */
  ECAM_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  /** Heap (MB) above which requests get 503; default 90 % of the V8 heap limit. */
  ECAM_MAX_HEAP_MB: z.coerce.number().min(1).optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  uploadsDir: string;
  publicUrl?: string;
  allowedOrigins: string[];
  challenge: boolean;
  challengeMaxNumber: number;
  rateLimit: boolean;
  rateLimitMax: number;
  radicadoPrefix: string;
  maxFiles: number;
  maxFileBytes: number;
  entityName: string;
  policyVersion: string;
  policyUrl: string;
  cutoffHour?: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  adminPassword?: string;
  smtpUrl?: string;
  mailFrom: string;
  logLevel: string;
  maxEventLoopDelayMs: number;
  /** Undefined: 90 % of the V8 heap limit. */
  maxHeapBytes?: number;
  trustProxy: boolean;
};

/** Reads the configuration from an environment once; throws a readable error on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Configuración inválida:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.ECAM_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbFile: path.join(dataDir, 'ecam.sqlite'),
    uploadsDir: path.join(dataDir, 'uploads'),
    publicUrl: e.ECAM_PUBLIC_URL,
    allowedOrigins: e.ECAM_ALLOWED_ORIGINS,
    challenge: e.ECAM_CHALLENGE,
    challengeMaxNumber: e.ECAM_CHALLENGE_MAX_NUMBER,
    rateLimit: e.ECAM_RATE_LIMIT,
    rateLimitMax: e.ECAM_RATE_LIMIT_MAX,
    radicadoPrefix: e.ECAM_RADICADO_PREFIX,
    maxFiles: e.ECAM_MAX_FILES,
    maxFileBytes: Math.round(e.ECAM_MAX_FILE_MB * 1024 * 1024),
    entityName: e.ECAM_ENTITY_NAME,
    policyVersion: e.ECAM_POLICY_VERSION,
    policyUrl: e.ECAM_POLICY_URL,
    cutoffHour: e.ECAM_CUTOFF_HOUR,
    sessionIdleMinutes: e.ECAM_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.ECAM_SESSION_MAX_HOURS,
    adminPassword: e.ECAM_ADMIN_PASSWORD,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    maxEventLoopDelayMs: e.ECAM_MAX_EVENT_LOOP_DELAY_MS,
    maxHeapBytes: e.ECAM_MAX_HEAP_MB === undefined ? undefined : Math.round(e.ECAM_MAX_HEAP_MB * 1024 * 1024),
    trustProxy: e.ECAM_TRUST_PROXY,
    ...overrides,
  };
}

/**
 * Admin settings (table `settings`, one JSON value per key). What admins saved overrides the
 * defaults of api/config.ts; everything that depends on a setting reads it through getSettings.
 */
import type { Config } from '../config.ts';
import { perDb, type Db } from '../db/index.ts';
import { CHAT_SETTING_DEFAULTS, type OfficeHours, type Settings } from './schemas.ts';

/** Monday to Friday, 08:00-12:00 and 14:00-18:00 (DOMAIN.md section 6). */
export const DEFAULT_OFFICE_HOURS: OfficeHours[] = [1, 2, 3, 4, 5].flatMap((day) => [
  { day, from: '08:00', to: '12:00' },
  { day, from: '14:00', to: '18:00' },
]);

/** The settings when admins have saved none. */
export function defaultSettings(config: Config): Settings {
  return {
    entityName: config.entityName,
    contactEmail: '',
    contactPhone: '',
    contactAddress: '',
    radicadoPrefix: config.radicadoPrefix,
    officeHours: DEFAULT_OFFICE_HOURS,
    cutoffHour: config.cutoffHour ?? null,
    pqrsSurvey: null,
    ...CHAT_SETTING_DEFAULTS,
    chatSurvey: null,
    reviewTypes: [],
    usageMetrics: true,
  };
}

const KEYS = Object.keys({
  entityName: 0,
  contactEmail: 0,
  contactPhone: 0,
  contactAddress: 0,
  radicadoPrefix: 0,
  officeHours: 0,
  cutoffHour: 0,
  pqrsSurvey: 0,
  chatWaitNoticeMinutes: 0,
  chatIdleCloseMinutes: 0,
  chatSurvey: 0,
  reviewTypes: 0,
  usageMetrics: 0,
} satisfies Record<keyof Settings, 0>) as (keyof Settings)[];

function prepare(db: Db) {
  return {
    all: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings'),
    upsert: db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
  };
}

const stmts = perDb(prepare);
/** The settings of each database, read once: they change only through saveSettings, which drops them. */
const current = new WeakMap<Db, Readonly<Settings>>();

/**
 * The settings in force (frozen). Every filing, deadline and tracking lookup asks, so they are
 * kept in memory; saving new ones applies them to the very next request.
 */
export function getSettings(db: Db, config: Config): Readonly<Settings> {
  let settings = current.get(db);
  if (!settings) {
    const read: Record<string, unknown> = { ...defaultSettings(config) };
    for (const { key, value } of stmts(db).all.all()) {
      if ((KEYS as string[]).includes(key)) read[key] = JSON.parse(value);
    }
    settings = Object.freeze(read as Settings);
    current.set(db, settings);
  }
  return settings;
}

/** Saves every setting (validated by the route); returns the keys whose value changed. */
export function saveSettings(db: Db, config: Config, next: Settings): (keyof Settings)[] {
  const s = stmts(db);
  const changed = db.transaction(() => {
    const before = getSettings(db, config);
    for (const key of KEYS) s.upsert.run(key, JSON.stringify(next[key]));
    return KEYS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
  })();
  current.delete(db);
  return changed;
}

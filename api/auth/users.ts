/** Staff accounts (table `staff`): the one place that reads and writes them. */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import { perDb, type Db } from '../db/index.ts';
import { hashPassword, randomPassword } from './passwords.ts';

export const ROLES = ['admin', 'funcionario'] as const;
export type Role = (typeof ROLES)[number];

/** Who is signed in, as the guard exposes it on `request.staff`. */
export interface StaffUser {
  id: number;
  username: string;
  name: string;
  role: Role;
  /** May approve or return answers that wait for review (issue 11); admins always may. */
  reviewer: boolean;
}

/** A staff account as admins see it. */
export interface StaffRecord extends StaffUser {
  email: string | null;
  active: boolean;
  createdAt: string;
}

interface StaffRow {
  id: number;
  username: string;
  name: string;
  email: string | null;
  role: Role;
  reviewer: number;
  active: number;
  created_at: string;
  password_hash: string;
}

/** Usernames are compared and stored lower case, without surrounding spaces. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

function prepare(db: Db) {
  const columns = 'id, username, name, email, role, reviewer, active, created_at, password_hash';
  return {
    all: db.prepare<[], StaffRow>(`SELECT ${columns} FROM staff ORDER BY username`),
    byId: db.prepare<[number], StaffRow>(`SELECT ${columns} FROM staff WHERE id = ?`),
    byUsername: db.prepare<[string], StaffRow>(`SELECT ${columns} FROM staff WHERE username = ?`),
    count: db.prepare<[], number>('SELECT count(*) FROM staff').pluck(),
    activeAdmins: db.prepare<[], number>("SELECT count(*) FROM staff WHERE role = 'admin' AND active = 1").pluck(),
    insert: db.prepare<{ username: string; name: string; email: string | null; role: Role; reviewer: number; hash: string; at: string }>(
      `INSERT INTO staff (username, name, email, role, reviewer, password_hash, created_at)
       VALUES (@username, @name, @email, @role, @reviewer, @hash, @at)`,
    ),
    update: db.prepare<{ id: number; name: string; email: string | null; role: Role; reviewer: number; active: number }>(
      'UPDATE staff SET name = @name, email = @email, role = @role, reviewer = @reviewer, active = @active WHERE id = @id',
    ),
    setHash: db.prepare<[string, number]>('UPDATE staff SET password_hash = ? WHERE id = ?'),
  };
}

const stmts = perDb(prepare);

function toRecord(row: StaffRow): StaffRecord {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    email: row.email,
    role: row.role,
    reviewer: row.reviewer === 1,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

/** The public part of an account, as `request.staff` and the session answer carry it. */
export function staffUser(u: StaffUser): StaffUser {
  return { id: u.id, username: u.username, name: u.name, role: u.role, reviewer: u.reviewer };
}

/** Every account, by username. */
export function listUsers(db: Db): StaffRecord[] {
  return stmts(db).all.all().map(toRecord);
}

export function findUser(db: Db, id: number): StaffRecord | undefined {
  const row = stmts(db).byId.get(id);
  return row && toRecord(row);
}

/** The account and its password hash, for a login; `username` is normalised here. */
export function findForLogin(db: Db, username: string): (StaffRecord & { passwordHash: string }) | undefined {
  const row = stmts(db).byUsername.get(normalizeUsername(username));
  return row && { ...toRecord(row), passwordHash: row.password_hash };
}

export interface NewUser {
  username: string;
  name: string;
  email?: string | null;
  role: Role;
  reviewer?: boolean;
  passwordHash: string;
}

/** Creates an account; returns undefined when the username is taken. */
export function createUser(db: Db, u: NewUser, now: Date): StaffRecord | undefined {
  const s = stmts(db);
  const username = normalizeUsername(u.username);
  if (s.byUsername.get(username)) return undefined;
  const id = Number(
    s.insert.run({
      username,
      name: u.name,
      email: u.email ?? null,
      role: u.role,
      reviewer: Number(u.reviewer ?? false),
      hash: u.passwordHash,
      at: now.toISOString(),
    })
      .lastInsertRowid,
  );
  return findUser(db, id);
}

export interface UserChanges {
  name?: string;
  email?: string | null;
  role?: Role;
  reviewer?: boolean;
  active?: boolean;
}

/** Thrown inside updateUser's transaction to roll it back. */
class LastAdminError extends Error {}

/**
 * Applies `changes` to account `id`, refusing any change that would leave no active admin
 * (nobody could then manage users or settings). Returns the updated account, `'not-found'`,
 * or `'last-admin'`.
 */
export function updateUser(db: Db, id: number, changes: UserChanges): StaffRecord | 'not-found' | 'last-admin' {
  const s = stmts(db);
  try {
    return db
      .transaction(() => {
        const row = s.byId.get(id);
        if (!row) return 'not-found' as const;
        s.update.run({
          id,
          name: changes.name ?? row.name,
          email: changes.email === undefined ? row.email : changes.email,
          role: changes.role ?? row.role,
          reviewer: changes.reviewer === undefined ? row.reviewer : Number(changes.reviewer),
          active: changes.active === undefined ? row.active : Number(changes.active),
        });
        if (s.activeAdmins.get()! === 0) throw new LastAdminError();
        return findUser(db, id)!;
      })
      .immediate();
  } catch (err) {
    if (err instanceof LastAdminError) return 'last-admin';
    throw err;
  }
}

export function setPasswordHash(db: Db, id: number, hash: string): void {
  stmts(db).setHash.run(hash, id);
}

/**
 * On first start (no accounts at all), creates `admin` with `ECAM_ADMIN_PASSWORD`, or with a
 * random password written once to the log at warn level: the only time it is ever shown.
 */
export async function ensureFirstAdmin(db: Db, config: Config, log: FastifyBaseLogger, now = new Date()): Promise<void> {
  if (stmts(db).count.get()! > 0) return;
  const password = config.adminPassword ?? randomPassword();
  const passwordHash = await hashPassword(password);
  // Checked again after the await: another process may have created it meanwhile.
  const admin: NewUser = { username: 'admin', name: 'Administrador', role: 'admin', passwordHash };
  const created = db
    .transaction(() => (stmts(db).count.get()! === 0 ? createUser(db, admin, now) : undefined))
    .immediate();
  if (!created) return;
  if (config.adminPassword) {
    log.warn('Se creó el usuario «admin» con la contraseña de ECAM_ADMIN_PASSWORD.');
  } else {
    log.warn(
      `Se creó el usuario «admin» con la contraseña ${password} ` +
        '(se muestra solo esta vez; cámbiela al entrar o con «npm run user -- reset admin»).',
    );
  }
}

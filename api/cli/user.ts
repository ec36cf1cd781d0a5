/**
 * Staff accounts from the shell, on the database of ECAM_DATA_DIR:
 *
 *   npm run user -- add <usuario> <admin|funcionario> [--revisor] [nombre completo]
 *   npm run user -- reviewer <usuario> <si|no>
 *   npm run user -- reset <usuario>
 *   npm run user -- list
 *
 * The password comes from ECAM_NEW_PASSWORD; without it a random one is generated and printed.
 */
import { recordAudit } from '../admin/audit.ts';
import { userCreateBody } from '../admin/schemas.ts';
import { attemptSucceeded } from '../auth/lockout.ts';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, randomPassword } from '../auth/passwords.ts';
import { revokeUserSessions } from '../auth/sessions.ts';
import { createUser, findForLogin, listUsers, normalizeUsername, setPasswordHash, updateUser } from '../auth/users.ts';
import { loadConfig } from '../config.ts';
import { openDb, type Db } from '../db/index.ts';
import { fieldErrors } from '../errors.ts';

const USAGE = `Uso:
  npm run user -- add <usuario> <admin|funcionario> [--revisor] [nombre completo]
  npm run user -- reviewer <usuario> <si|no>   (revisor: aprueba respuestas antes de enviarlas)
  npm run user -- reset <usuario>
  npm run user -- list
La contraseña se toma de ECAM_NEW_PASSWORD; si no está, se genera una y se muestra una sola vez.`;

class UsageError extends Error {}

/** The password to set, and whether it must be shown (it was generated here). */
function newPassword(): { password: string; generated: boolean } {
  const given = process.env.ECAM_NEW_PASSWORD;
  if (!given) return { password: randomPassword(), generated: true };
  if (given.length < PASSWORD_MIN || given.length > PASSWORD_MAX) {
    throw new Error(`ECAM_NEW_PASSWORD: debe tener entre ${PASSWORD_MIN} y ${PASSWORD_MAX} caracteres.`);
  }
  return { password: given, generated: false };
}

const audit = (db: Db, action: string, target: string, details?: Record<string, unknown>) =>
  recordAudit(db, { staffId: null, username: 'cli', action, target, ip: 'local', details });

async function add(db: Db, args: string[]): Promise<string> {
  const [username, role, ...rest] = args;
  if (!username || !role) throw new UsageError();
  const reviewer = rest.includes('--revisor');
  const name = rest.filter((w) => w !== '--revisor');
  const parsed = userCreateBody.safeParse({ username, role, reviewer, name: name.join(' ') || username });
  if (!parsed.success) throw new Error(Object.values(fieldErrors(parsed.error.issues)).join('\n'));
  const { password, generated } = newPassword();
  const passwordHash = await hashPassword(password);
  const created = db.transaction(() => {
    const u = createUser(db, { ...parsed.data, passwordHash }, new Date());
    if (u) audit(db, 'user.create', u.username, { role: u.role, reviewer: u.reviewer, name: u.name });
    return u;
  })();
  if (!created) throw new Error(`Ya existe el usuario «${parsed.data.username}».`);
  return `Usuario «${created.username}» (${created.role}${created.reviewer ? ', revisor' : ''}) creado.${generated ? `\nContraseña: ${password}` : ''}`;
}

async function reset(db: Db, args: string[]): Promise<string> {
  const [username] = args;
  if (!username) throw new UsageError();
  const user = findForLogin(db, username);
  if (!user) throw new Error(`No existe el usuario «${normalizeUsername(username)}».`);
  const { password, generated } = newPassword();
  const passwordHash = await hashPassword(password);
  db.transaction(() => {
    setPasswordHash(db, user.id, passwordHash);
    revokeUserSessions(db, user.id);
    attemptSucceeded(db, user.username);
    audit(db, 'user.update', user.username, { password: 'restablecida' });
  })();
  const inactive = user.active ? '' : '\nAtención: la cuenta está inactiva; un administrador debe activarla.';
  const shown = generated ? `\nContraseña: ${password}` : '';
  return `Contraseña de «${user.username}» restablecida; sus sesiones abiertas se cerraron.${shown}${inactive}`;
}

/** Gives or takes away the reviewer capability (review before answering). */
function reviewer(db: Db, args: string[]): string {
  const [username, value] = args;
  if (!username || !value || !['si', 'sí', 'no'].includes(value.toLowerCase())) throw new UsageError();
  const user = findForLogin(db, username);
  if (!user) throw new Error(`No existe el usuario «${normalizeUsername(username)}».`);
  const on = value.toLowerCase() !== 'no';
  db.transaction(() => {
    updateUser(db, user.id, { reviewer: on });
    audit(db, 'user.update', user.username, { reviewer: on });
  })();
  return on
    ? `«${user.username}» ahora es revisor: puede aprobar o devolver respuestas en revisión.`
    : `«${user.username}» ya no es revisor.`;
}

function list(db: Db): string {
  const users = listUsers(db);
  if (users.length === 0) return 'No hay usuarios.';
  const width = Math.max(...users.map((u) => u.username.length), 'usuario'.length);
  const row = (cells: string[]) => `${cells[0]!.padEnd(width)}  ${cells[1]!.padEnd(11)}  ${cells[2]!.padEnd(8)}  ${cells[3]}`;
  const rows = users.map((u) => row([u.username, u.role, u.active ? 'activo' : 'inactivo', `${u.name}${u.reviewer ? ' (revisor)' : ''}`]));
  return [row(['usuario', 'rol', 'estado', 'nombre']), ...rows].join('\n');
}

async function main(argv: string[]): Promise<string> {
  const [command, ...args] = argv;
  const commands: Record<string, (db: Db, args: string[]) => string | Promise<string>> = { add, reset, reviewer, list };
  const run = command && Object.hasOwn(commands, command) ? commands[command]! : undefined;
  if (!run) throw new UsageError();
  const db = openDb(loadConfig().dbFile);
  try {
    return await run(db, args);
  } finally {
    db.close();
  }
}

try {
  console.log(await main(process.argv.slice(2)));
} catch (err) {
  console.error(err instanceof UsageError ? USAGE : (err as Error).message);
  process.exitCode = err instanceof UsageError ? 2 : 1;
}

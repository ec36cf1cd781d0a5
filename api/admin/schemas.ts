/** Wire shapes of the staff session, users and audit routes; the admin page imports the types. */
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/passwords.ts';
import { ROLES } from '../auth/users.ts';
import { pageOf, pageParam, text } from '../pqrs/schemas.ts';

/** A new password: checked for length only (NIST SP 800-63B), never trimmed. */
function newPassword(field: string) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${field}: es obligatoria.` : `${field}: debe ser un texto.`) })
    .min(PASSWORD_MIN, `${field}: al menos ${PASSWORD_MIN} caracteres.`)
    .max(PASSWORD_MAX, `${field}: máximo ${PASSWORD_MAX} caracteres.`);
}

const username = z
  .string({ error: (iss) => (iss.input === undefined ? 'Usuario: es obligatorio.' : 'Usuario: debe ser un texto.') })
  .transform((s) => s.normalize('NFC').trim().toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^[a-z0-9._-]{3,40}$/,
        'Usuario: de 3 a 40 caracteres, solo letras sin tildes, dígitos, punto, guion o guion bajo.',
      ),
  );

const role = z.enum(ROLES, { error: 'Rol: elija «admin» o «funcionario».' });
const reviewer = z.boolean({ error: 'Revisor: debe ser verdadero o falso.' });

/** An optional e-mail: null, blank and absent all mean "none". */
const email = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  z
    .email({ error: 'Correo electrónico: escriba una dirección válida, por ejemplo nombre@dominio.co.' })
    .max(254, 'Correo electrónico: máximo 254 caracteres.')
    .nullable(),
);

export const staffUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  role,
  /** May approve or return answers that wait for review; admins always may. */
  reviewer: z.boolean(),
});
export type StaffUserWire = z.infer<typeof staffUserSchema>;

export const loginBody = z.object(
  {
    username: z
      .string({ error: 'Usuario: es obligatorio.' })
      .min(1, 'Usuario: es obligatorio.')
      .max(100, 'Usuario: máximo 100 caracteres.'),
    password: z
      .string({ error: 'Contraseña: es obligatoria.' })
      .min(1, 'Contraseña: es obligatoria.')
      .max(PASSWORD_MAX, `Contraseña: máximo ${PASSWORD_MAX} caracteres.`),
  },
  { error: 'Escriba el usuario y la contraseña.' },
);

/** The answer to a login and to `GET /api/admin/session`. */
export const sessionResponse = z.object({
  user: staffUserSchema,
  /** Send it back as the `X-CSRF-Token` header on every POST, PUT, PATCH and DELETE. */
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof sessionResponse>;

export const passwordChangeBody = z.object(
  {
    currentPassword: z
      .string({ error: 'Contraseña actual: es obligatoria.' })
      .min(1, 'Contraseña actual: es obligatoria.')
      .max(PASSWORD_MAX, `Contraseña actual: máximo ${PASSWORD_MAX} caracteres.`),
    newPassword: newPassword('Contraseña nueva'),
  },
  { error: 'Escriba la contraseña actual y la nueva.' },
);

export const userRecordSchema = staffUserSchema.extend({
  email: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type UserRecord = z.infer<typeof userRecordSchema>;

export const userIdParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,12}$/, 'Identificador: debe ser un número.')
    .transform(Number),
});

export const userCreateBody = z.object(
  {
    username,
    name: text('Nombre', 120),
    email: email.optional(),
    role,
    /** Approves or returns answers before they are sent (review before answering); default false. */
    reviewer: reviewer.optional(),
    /** Absent: a random password is generated and returned once. */
    password: newPassword('Contraseña').optional(),
  },
  { error: 'Escriba los datos del usuario.' },
);

/** The created account and, when the admin gave none, the generated password (shown once). */
export const userCreatedResponse = z.object({
  user: userRecordSchema,
  password: z.string().optional(),
});

export const userPatchBody = z.strictObject(
  {
    name: text('Nombre', 120).optional(),
    email: email.optional(),
    role: role.optional(),
    reviewer: reviewer.optional(),
    active: z.boolean({ error: 'Activo: debe ser verdadero o falso.' }).optional(),
    /** A new password set by the admin; the user's open sessions end. */
    password: newPassword('Contraseña').optional(),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? 'Solo se pueden cambiar nombre, correo, rol, revisor (reviewer), estado (active) y contraseña.'
        : 'Escriba los cambios del usuario.',
  },
);

const isoDate = (field: string) =>
  z.iso.date({ error: `${field}: use el formato AAAA-MM-DD.` }).optional();

export const auditQuery = z.object({
  /** First day included (Bogotá), YYYY-MM-DD. */
  from: isoDate('Desde'),
  /** Last day included (Bogotá), YYYY-MM-DD. */
  to: isoDate('Hasta'),
  /** Username of the staff member. */
  staff: z.string().max(100, 'Funcionario: máximo 100 caracteres.').optional(),
  /** Exact action, e.g. `session.login`. */
  action: z.string().max(100, 'Acción: máximo 100 caracteres.').optional(),
  page: pageParam,
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  staffId: z.number().int().nullable(),
  username: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryWire = z.infer<typeof auditEntrySchema>;

export const auditPage = pageOf(auditEntrySchema);

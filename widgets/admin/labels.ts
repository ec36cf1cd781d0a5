/** Words the staff page shows for values the API sends as codes. */
import type { InboxItem } from '../../api/pqrs/workflow-schemas.ts';

export const ROLE_LABELS: Record<'admin' | 'funcionario', string> = {
  admin: 'Administrador',
  funcionario: 'Funcionario',
};

/** Keep in step with PASSWORD_MIN in api/auth/passwords.ts (the server checks it; its message says so too). */
export const PASSWORD_HINT = 'Al menos 12 caracteres. Una frase larga es más segura que una palabra con símbolos.';

/** ISO weekday (1 Monday) to its Spanish name. */
export const WEEKDAYS = ['', 'Lunes', 'Martes', 'Miércoles', 'Jueves', 'Viernes', 'Sábado', 'Domingo'];

/** What the audit log's action codes mean. */
export const AUDIT_ACTIONS: Record<string, string> = {
  'session.login': 'Inicio de sesión',
  'session.login_failed': 'Inicio de sesión fallido',
  'session.login_locked': 'Inicio de sesión bloqueado',
  'session.logout': 'Cierre de sesión',
  'session.password': 'Cambio de contraseña',
  'session.password_failed': 'Cambio de contraseña fallido',
  'user.create': 'Creación de usuario',
  'user.update': 'Cambio de usuario',
  'settings.update': 'Cambio de ajustes',
  'settings.closure_add': 'Día de cierre agregado',
  'settings.closure_remove': 'Día de cierre quitado',
  'pqrs.assign': 'Solicitud asignada',
  'pqrs.start': 'Trámite iniciado',
  'pqrs.reply': 'Solicitud respondida',
  'pqrs.request-completion': 'Pedido de completar',
  'pqrs.extend-completion': 'Plazo para completar ampliado',
  'pqrs.complete': 'Información recibida',
  'pqrs.extend': 'Plazo prorrogado',
  'pqrs.transfer': 'Solicitud trasladada',
  'pqrs.desist': 'Archivada por desistimiento',
  'pqrs.close': 'Solicitud cerrada',
  'pqrs.note': 'Nota interna',
  'survey.create': 'Encuesta creada',
  'survey.update': 'Encuesta modificada',
  'survey.delete': 'Borrador de encuesta eliminado',
  'survey.open': 'Encuesta abierta',
  'survey.close': 'Encuesta cerrada',
  'survey.duplicate': 'Encuesta duplicada',
  'survey.invite': 'Invitaciones a encuesta generadas',
  'survey.export': 'Respuestas de encuesta descargadas',
};

type Clock = Pick<InboxItem, 'light' | 'businessDaysLeft' | 'overdue' | 'clockStopped'>;

/** The traffic light in words: never colour alone. */
export function lightLabel(c: Clock): { word: string; detail: string; light: 'green' | 'amber' | 'red' | 'none' } {
  if (c.light === null || c.businessDaysLeft === null) return { word: 'Finalizada', detail: 'Sin plazo pendiente', light: 'none' };
  const days = (n: number) => `${n} ${n === 1 ? 'día hábil' : 'días hábiles'}`;
  const stopped = c.clockStopped ? ' (plazo suspendido)' : '';
  if (c.light === 'red') {
    const late = -c.businessDaysLeft;
    return { word: 'Vencida', detail: late > 0 ? `Vencida hace ${days(late)}${stopped}` : `Venció${stopped}`, light: 'red' };
  }
  const left = c.businessDaysLeft === 0 ? 'Vence hoy' : `Quedan ${days(c.businessDaysLeft)}`;
  return { word: c.light === 'amber' ? 'Por vencer' : 'En término', detail: `${left}${stopped}`, light: c.light };
}

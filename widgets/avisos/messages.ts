/** Texts of `<ecam-avisos>`. Type and kind names come from the server in Spanish; their English is in messages.en.ts. */
import type { NoticeKind } from '../../api/notices/rules.ts';
import type { PqrsType } from '../../api/pqrs/catalog.ts';
import { lazyCatalog } from '../shared/i18n.ts';
import { common } from '../shared/messages.ts';

const es = {
  ...common,
  searchLabel: 'Buscar un aviso por radicado',
  radicado: 'Número de radicado',
  radicadoHint: (year: number) => `Por ejemplo ECAM-${year}-000123.`,
  required: 'Número de radicado: es obligatorio.',
  search: 'Buscar',
  showAll: 'Ver todos los avisos',
  listLabel: 'Avisos vigentes',
  loading: 'Cargando los avisos…',
  /** What the live region says once the list is here. */
  count: (n: number) => (n === 0 ? 'No hay avisos publicados en este momento.' : n === 1 ? 'Hay 1 aviso vigente.' : `Hay ${n} avisos vigentes.`),
  found: (radicado: string) => `Hay un aviso vigente del radicado ${radicado}.`,
  notFound: (radicado: string) =>
    `No hay un aviso vigente del radicado ${radicado}. Si presentó esa solicitud, consulte su respuesta con el radicado y el código de seguimiento.`,
  tooMany: (wait: string) => `Se hicieron demasiadas consultas desde su conexión. Espere ${wait} e intente de nuevo.`,
  retry: 'Intentar de nuevo',
  title: (kind: NoticeKind, radicado: string) => `${kind === 'anonima' ? 'Respuesta a solicitud anónima' : 'Aviso'}: radicado ${radicado}`,
  kindLabel: 'Clase',
  kind: (_kind: NoticeKind, spanish: string) => spanish,
  typeLabel: 'Tipo de solicitud',
  type: (_type: PqrsType, spanish: string) => spanish,
  publishedOn: 'Publicado el',
  removalOn: 'Se retira al terminar el',
  notifiedOn: 'Notificación surtida al terminar el',
  notifiedHint: 'Ley 1437 de 2011 (CPACA), art. 69.',
  textLabel: 'Texto de la respuesta',
};

export type Es = typeof es;

export const messages = lazyCatalog(es, () => import('./messages.en.ts'));

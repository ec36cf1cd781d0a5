/**
 * Texts of `<ecam-informe>`. Names of types and channels come from the server in Spanish; their
 * English is in widgets/pqrs/vocabulary.en.ts, keyed by the same values.
 */
import type { PqrsType } from '../../api/pqrs/catalog.ts';
import type { PqrsChannel } from '../../api/pqrs/channels.ts';
import type { PeriodKind } from '../../api/reports/periods.ts';
import type { STANDING_VALUES } from '../../api/reports/schemas.ts';
import { lazyCatalog } from '../shared/i18n.ts';
import { common } from '../shared/messages.ts';

export type Standing = (typeof STANDING_VALUES)[number];
/** The table's columns: the standings plus the other figures of a row. */
export type Column = Standing | 'received' | 'denied' | 'avgBusinessDays' | 'maxBusinessDays';

const ORDINALS = ['Primer', 'Segundo', 'Tercer', 'Cuarto'];

const COLUMNS: Record<Column, string> = {
  received: 'Recibidas',
  answeredOnTime: 'Respondidas a tiempo',
  answeredLate: 'Respondidas fuera de término',
  overdue: 'Vencidas sin respuesta',
  open: 'Abiertas en término',
  transferred: 'Trasladadas a otra entidad',
  withdrawn: 'Archivadas por desistimiento',
  denied: 'Acceso a la información negado',
  avgBusinessDays: 'Promedio de días hábiles para responder',
  maxBusinessDays: 'Máximo de días hábiles para responder',
};

const STANDINGS: Record<Standing, string> = {
  answeredOnTime: 'Respondida a tiempo',
  answeredLate: 'Respondida fuera de término',
  overdue: 'Vencida sin respuesta',
  open: 'Abierta en término',
  transferred: 'Trasladada a otra entidad',
  withdrawn: 'Archivada por desistimiento',
};

const es = {
  ...common,
  loading: 'Cargando los informes publicados…',
  loadingReport: 'Cargando el informe…',
  retry: 'Intentar de nuevo',
  listTitle: 'Informes publicados',
  empty: 'La entidad aún no ha publicado informes de PQRSD.',
  /** "Primer trimestre de 2026", "Año 2026", "Del … al …". */
  period: (kind: PeriodKind, from: string, to: string, date: (iso: string) => string) => {
    const [y, m] = from.split('-').map(Number) as [number, number];
    if (kind === 'trimestre') return `${ORDINALS[Math.floor((m - 1) / 3)]} trimestre de ${y}`;
    if (kind === 'semestre') return `${ORDINALS[Math.floor((m - 1) / 6)]} semestre de ${y}`;
    if (kind === 'anio') return `Año ${y}`;
    return `Del ${date(from)} al ${date(to)}`;
  },
  version: (n: number) => `versión ${n}`,
  publishedOn: (date: string) => `Publicado el ${date}`,
  replacedBy: (n: number) => `Reemplazado por la versión ${n}`,
  reportTitle: (period: string) => `Informe de PQRSD: ${period}`,
  periodLabel: 'Periodo',
  periodRange: (from: string, to: string) => `Del ${from} al ${to}`,
  versionLabel: 'Versión',
  publishedLabel: 'Publicado',
  publishedByLabel: 'Publicado por',
  asOfLabel: 'Cifras con corte a',
  corrects: (n: number, reason: string) => `Esta versión corrige la versión ${n}. Motivo: ${reason}`,
  replacedNotice: (n: number) => `Esta versión fue reemplazada por la versión ${n}, que la corrige.`,
  openVersion: (n: number) => `Ver la versión ${n}`,
  csv: 'Descargar el informe (CSV)',
  infoTitle: 'Solicitudes de acceso a la información pública',
  infoIntro: 'Lo que exige el Decreto 1081 de 2015 (art. 2.1.1.6.2): solicitudes recibidas, trasladadas, tiempo de respuesta de cada una y solicitudes en las que se negó el acceso.',
  infoReceived: 'Recibidas',
  infoTransferred: 'Trasladadas a otra entidad',
  infoDenied: 'Acceso negado',
  infoNone: 'No se recibieron solicitudes de información en el periodo.',
  infoTable: 'Tiempo de respuesta de cada solicitud de información',
  radicado: 'Radicado',
  receivedOn: 'Fecha de recibo',
  standing: 'Situación al corte',
  answeredOn: 'Fecha de respuesta',
  businessDays: 'Días hábiles de respuesta',
  deniedColumn: 'Acceso negado',
  yes: 'Sí',
  no: 'No',
  typesTitle: 'PQRSD por tipo',
  typesTable: 'PQRSD por tipo: recibidas, respondidas, vencidas, abiertas, trasladadas y tiempos de respuesta',
  kindOfRequest: 'Tipo de solicitud',
  total: 'Total',
  chartTitle: 'Gráfico: situación de las solicitudes de cada tipo',
  chartNote: 'Cada barra es el total de solicitudes recibidas de un tipo, dividido según su situación al corte. Los mismos datos están en la tabla «PQRSD por tipo».',
  channelsTitle: 'Solicitudes recibidas por canal',
  channel: 'Canal',
  scrollTable: (name: string) => `${name} (desplácese para ver todas las columnas)`,
  column: (c: Column) => COLUMNS[c],
  standingLabel: (s: Standing) => STANDINGS[s],
  // The server already says these in Spanish; English readers get them from the vocabulary.
  type: (_type: PqrsType, spanish: string) => spanish,
  channelLabel: (_channel: PqrsChannel, spanish: string) => spanish,
  none: '—',
};

export type Es = typeof es;

export const messages = lazyCatalog(es, () => import('./messages.en.ts'));

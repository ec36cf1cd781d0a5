/**
 * Open data of the PQRSD (DOMAIN.md section 5; Ley 1712 de 2014, datos.gov.co): one row per
 * request, with no personal data and no free text. The columns are written once, here, with
 * their dictionary; the CSV, the JSON and the dictionary route all come from this list.
 */
import { z } from 'zod';
import { PQRS_TYPE_VALUES, PQRS_TYPES } from '../pqrs/catalog.ts';
import { PQRS_CHANNEL_VALUES, PQRS_CHANNELS } from '../pqrs/channels.ts';
import { PQRS_STATE_VALUES, PQRS_STATES } from '../pqrs/states.ts';
import { checkPeriod } from '../reports/schemas.ts';
import { isIsoDate } from '../calendar/calendar.ts';

function optionalDate(field: string) {
  return z
    .string({ error: `${field}: escriba una fecha con el formato AAAA-MM-DD.` })
    .refine(isIsoDate, `${field}: escriba una fecha real con el formato AAAA-MM-DD.`)
    .optional();
}

/** `?from=&to=` (Bogotá dates of receipt, both included); absent: the current year in Bogotá. */
export const openDataQuery = z.object({ from: optionalDate('Desde'), to: optionalDate('Hasta') }).superRefine(checkPeriod);

export const openDataRowSchema = z.object({
  radicado: z.string(),
  tipo: z.enum(PQRS_TYPE_VALUES),
  canal: z.enum(PQRS_CHANNEL_VALUES),
  fecha_recibo: z.string(),
  fecha_vencimiento: z.string(),
  fecha_respuesta: z.string().nullable(),
  estado: z.enum(PQRS_STATE_VALUES),
  dias_habiles_respuesta: z.number().int().nullable(),
  respondida_a_tiempo: z.boolean().nullable(),
  trasladada: z.boolean(),
  acceso_negado: z.boolean(),
});
export type OpenDataRow = z.infer<typeof openDataRowSchema>;
export type OpenDataColumn = keyof OpenDataRow;

export const openDataSchema = z.object({
  /** The period, Bogotá dates of receipt, both included. */
  from: z.string(),
  to: z.string(),
  /** When the data was read (ISO instant): the states are those of that moment. */
  generatedAt: z.string(),
  rows: z.array(openDataRowSchema),
});
export type OpenData = z.infer<typeof openDataSchema>;

/** The column types, in the words of the portal's data dictionaries. */
export const COLUMN_TYPES = ['Texto', 'Número', 'Fecha', 'Booleano'] as const;

export const dictionaryEntrySchema = z.object({
  column: z.string(),
  type: z.enum(COLUMN_TYPES),
  description: z.string(),
});
export const dictionarySchema = z.object({
  title: z.string(),
  description: z.string(),
  columns: z.array(dictionaryEntrySchema),
});
export type Dictionary = z.infer<typeof dictionarySchema>;

const values = (entries: Record<string, string>) =>
  Object.entries(entries)
    .map(([value, label]) => `«${value}» (${label})`)
    .join(', ');
const labels = <T extends Record<string, { label: string }>>(entries: T) =>
  values(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v.label])));

/** The data dictionary: every column of the dataset, in order, with its type and meaning. */
export const DICTIONARY: Dictionary = {
  title: 'Peticiones, quejas, reclamos, sugerencias y denuncias (PQRSD) recibidas',
  description:
    'Una fila por cada PQRSD recibida por la entidad en el periodo, con su tipo, canal, fechas, estado y tiempo de respuesta. ' +
    'No contiene datos personales (nombres, documentos, datos de contacto) ni el texto de las solicitudes o de las respuestas ' +
    '(Ley 1712 de 2014 y Ley 1581 de 2012). Las fechas son de Bogotá (UTC-5); los días hábiles excluyen fines de semana, festivos y días de cierre de la entidad.',
  columns: (
    [
      ['radicado', 'Texto', 'Número de radicado que la entidad asignó a la solicitud al recibirla (ECAM-AAAA-NNNNNN).'],
      ['tipo', 'Texto', `Tipo de solicitud (Ley 1755 de 2015): ${labels(PQRS_TYPES)}.`],
      ['canal', 'Texto', `Canal por el que llegó la solicitud: ${values(PQRS_CHANNELS)}.`],
      ['fecha_recibo', 'Fecha', 'Fecha de recibo de la solicitud (AAAA-MM-DD, hora de Bogotá).'],
      [
        'fecha_vencimiento',
        'Fecha',
        'Fecha límite para responder (AAAA-MM-DD): el término legal en días hábiles contado desde el día siguiente al recibo, con la prórroga o la suspensión que hubo, si las hubo.',
      ],
      ['fecha_respuesta', 'Fecha', 'Fecha en que la entidad respondió (AAAA-MM-DD); vacía si no ha respondido.'],
      ['estado', 'Texto', `Estado de la solicitud cuando se generaron los datos: ${labels(PQRS_STATES)}.`],
      [
        'dias_habiles_respuesta',
        'Número',
        'Días hábiles entre el recibo y la respuesta, sin contar los días en que el plazo estuvo suspendido esperando información del ciudadano; vacío si no ha respondido.',
      ],
      ['respondida_a_tiempo', 'Booleano', '«true» si la respuesta se dio hasta la fecha de vencimiento, «false» si después; vacío si no ha respondido.'],
      ['trasladada', 'Booleano', '«true» si se trasladó a la entidad competente (Ley 1755 de 2015, art. 21).'],
      [
        'acceso_negado',
        'Booleano',
        '«true» si la respuesta negó, total o parcialmente, el acceso a la información por ser reservada o clasificada (Ley 1712 de 2014, arts. 18 y 19).',
      ],
    ] satisfies [OpenDataColumn, (typeof COLUMN_TYPES)[number], string][]
  ).map(([column, type, description]) => ({ column, type, description })),
};

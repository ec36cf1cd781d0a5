/**
 * The constancia of a verbal petition (Decreto 1166 de 2016, compiled in Decreto 1069 de 2015,
 * art. 2.2.3.12.3): read from the request and its `pqrs_verbal` row, and told the same way in
 * the e-mail (text) and the PDF. Both come from one list of sections (`constanciaSections`), so
 * the e-mail and the PDF never disagree on what a constancia says.
 *
 * The tracking code is stored only hashed: the e-mail sent at filing carries it; the PDF, which
 * can be downloaded again at any time, says it was given to the citizen when the petition was filed.
 */
import { PdfBuilder } from '../documents/pdf.ts';
import type { Db } from '../db/index.ts';
import { perDb } from '../db/index.ts';
import { getSettings } from '../settings/store.ts';
import type { Config } from '../config.ts';
import { DOCUMENT_TYPES, PQRS_TYPES, REQUESTER_KINDS, RESPONSE_CHANNELS, type DocumentType, type PqrsType, type RequesterKind, type ResponseChannel } from './catalog.ts';
import { PQRS_CHANNELS, type PqrsChannel } from './channels.ts';
import type { Constancia } from './verbal-schemas.ts';

interface ConstanciaRow {
  id: number;
  radicado: string;
  type: PqrsType;
  channel: PqrsChannel;
  requester_kind: RequesterKind;
  name: string | null;
  document_type: DocumentType | null;
  document_number: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
  response_channel: ResponseChannel;
  received_at: string;
  effective_receipt: string;
  due_date: string;
  business_days: number;
  object: string;
  reasons: string;
  representative_name: string | null;
  representative_document_type: DocumentType | null;
  representative_document_number: string | null;
  paper_annexes: string;
  official_name: string;
  official_username: string;
  statement: string;
}

const stmts = perDb((db: Db) => ({
  byRadicado: db.prepare<[string], ConstanciaRow>(
    `SELECT p.id, p.radicado, p.type, p.channel, p.requester_kind, p.name, p.document_type, p.document_number,
       p.email, p.phone, p.address, p.city, p.response_channel, p.received_at, p.effective_receipt, p.due_date,
       p.business_days, v.object, v.reasons, v.representative_name, v.representative_document_type,
       v.representative_document_number, v.paper_annexes, v.official_name, v.official_username, v.statement
     FROM pqrs p JOIN pqrs_verbal v ON v.pqrs_id = p.id WHERE p.radicado = ?`,
  ),
  files: db.prepare<[number], { id: number; name: string; size: number; mime: string }>(
    `SELECT id, original_name AS name, size, mime FROM pqrs_attachments WHERE pqrs_id = ? AND kind = 'intake' ORDER BY id`,
  ),
}));

/** How the citizen follows the request; `mailed` when the code also went to their e-mail. */
export function howToTrack(entityName: string, mailed: boolean): string {
  return (
    `Consulte el estado de su solicitud en la sección «Seguimiento de solicitudes» del sitio web de ${entityName}, ` +
    `con el número de radicado y el código de seguimiento que el funcionario le entregó al radicar` +
    `${mailed ? ' (también se le envió a su correo electrónico)' : ''}. ` +
    'Por seguridad, la entidad no guarda ese código: consérvelo.'
  );
}

/** The constancia of the verbal petition `radicado`, or null when it is not one. */
export function readConstancia(db: Db, config: Config, radicado: string): Constancia | null {
  const s = stmts(db);
  const r = s.byRadicado.get(radicado);
  if (!r) return null;
  const entityName = getSettings(db, config).entityName;
  return {
    radicado: r.radicado,
    entityName,
    receivedAt: r.received_at,
    effectiveReceipt: r.effective_receipt,
    dueDate: r.due_date,
    businessDays: r.business_days,
    type: r.type,
    channel: r.channel,
    requester: { kind: r.requester_kind, name: r.name, documentType: r.document_type, documentNumber: r.document_number },
    representative: r.representative_name
      ? {
          name: r.representative_name,
          documentType: r.representative_document_type,
          documentNumber: r.representative_document_number,
        }
      : null,
    answerAddress: { email: r.email, address: r.address, city: r.city, phone: r.phone },
    responseChannel: r.response_channel,
    object: r.object,
    reasons: r.reasons,
    annexes: { files: s.files.all(r.id), paper: JSON.parse(r.paper_annexes) as string[] },
    official: { name: r.official_name, username: r.official_username },
    statement: r.statement,
    howToTrack: howToTrack(entityName, r.email !== null),
  };
}

// ---- One telling for the e-mail and the PDF -------------------------------------------------

const dateTime = new Intl.DateTimeFormat('es-CO', { dateStyle: 'full', timeStyle: 'short', timeZone: 'America/Bogota' });
const longDate = new Intl.DateTimeFormat('es-CO', { dateStyle: 'full', timeZone: 'UTC' });

/** `2026-12-29` as «martes, 29 de diciembre de 2026». */
const day = (date: string) => longDate.format(new Date(`${date}T00:00:00Z`));

/** «Cédula de ciudadanía 1098765432», or null without a document. */
function identification(p: { documentType: DocumentType | null; documentNumber: string | null }): string | null {
  if (!p.documentType || !p.documentNumber) return null;
  return `${DOCUMENT_TYPES[p.documentType]} ${p.documentNumber}`;
}

export type Block =
  | { kind: 'field'; label: string; value: string | null }
  | { kind: 'text'; label: string; text: string }
  | { kind: 'list'; label: string; items: string[]; empty: string };

export interface Section {
  heading: string;
  blocks: Block[];
}

/** The title every copy of a constancia carries. */
export const CONSTANCIA_TITLE = 'Constancia de radicación de petición verbal';

/**
 * What a constancia says, section by section, in Spanish. With `trackingCode` (only right after
 * filing, for the e-mail) the code is printed; without it, the copy says when it was given.
 */
export function constanciaSections(c: Constancia, trackingCode?: string): Section[] {
  const field = (label: string, value: string | null): Block => ({ kind: 'field', label, value });
  const a = c.answerAddress;
  const postal = a.address ? [a.address, a.city].filter(Boolean).join(', ') : null;
  return [
    {
      heading: 'Radicación',
      blocks: [
        field('Radicado', c.radicado),
        field('Fecha y hora de recibo', `${dateTime.format(new Date(c.receivedAt))} (hora de Colombia)`),
        field('Canal', PQRS_CHANNELS[c.channel]),
        field('Tipo de solicitud', PQRS_TYPES[c.type].label),
        field('Fecha límite de respuesta', `${day(c.dueDate)} (${c.businessDays} días hábiles, Ley 1755 de 2015)`),
      ],
    },
    {
      heading: 'Solicitante',
      blocks: [
        field('Nombre completo', c.requester.name),
        field('Identificación', identification(c.requester)),
        field('Tipo de solicitante', REQUESTER_KINDS[c.requester.kind]),
      ],
    },
    {
      heading: 'Representante o apoderado',
      blocks: c.representative
        ? [field('Nombre completo', c.representative.name), field('Identificación', identification(c.representative))]
        : [field('Representante', 'No actúa por medio de representante.')],
    },
    {
      heading: 'Dirección para la respuesta',
      blocks: [
        field('Correo electrónico', a.email),
        field('Dirección física', postal),
        field('Teléfono', a.phone),
        field('Medio de respuesta', RESPONSE_CHANNELS[c.responseChannel]),
      ],
    },
    {
      heading: 'Petición',
      blocks: [
        { kind: 'text', label: 'Objeto de la petición', text: c.object },
        { kind: 'text', label: 'Razones en que se fundamenta', text: c.reasons },
      ],
    },
    {
      heading: 'Anexos',
      blocks: [
        {
          kind: 'list',
          label: 'Documentos digitalizados',
          items: c.annexes.files.map((f) => `${f.name} (${Math.max(1, Math.round(f.size / 1024))} KB)`),
          empty: 'Ninguno.',
        },
        { kind: 'list', label: 'Documentos entregados en papel', items: c.annexes.paper, empty: 'Ninguno.' },
      ],
    },
    {
      heading: 'Funcionario que recibió y radicó',
      blocks: [field('Nombre', c.official.name), field('Usuario', c.official.username)],
    },
    {
      heading: 'Declaración',
      blocks: [{ kind: 'text', label: 'Petición verbal', text: c.statement }],
    },
    {
      heading: 'Seguimiento',
      blocks: [
        field(
          'Código de seguimiento',
          trackingCode ?? 'Entregado al solicitante al radicar; por seguridad no se guarda ni se vuelve a imprimir.',
        ),
        { kind: 'text', label: 'Cómo consultar', text: c.howToTrack },
      ],
    },
  ];
}

/** The constancia as an e-mail: the text of every section, with the tracking code. */
export function constanciaMail(c: Constancia, trackingCode: string): { subject: string; body: string } {
  const lines = [
    `Cordial saludo${c.requester.name ? `, ${c.requester.name}` : ''}:`,
    '',
    `${c.entityName} recibió verbalmente su ${PQRS_TYPES[c.type].label.toLowerCase()} y la radicó. ` +
      'Esta es la constancia de radicación (Decreto 1166 de 2016).',
  ];
  for (const s of constanciaSections(c, trackingCode)) {
    lines.push('', s.heading.toUpperCase());
    for (const b of s.blocks) {
      if (b.kind === 'field') lines.push(`${b.label}: ${b.value ?? '—'}`);
      else if (b.kind === 'text') lines.push(`${b.label}:`, b.text);
      else lines.push(`${b.label}:`, ...(b.items.length ? b.items.map((i) => `- ${i}`) : [b.empty]));
    }
  }
  lines.push('', 'Este es un mensaje automático; por favor no lo responda.');
  return { subject: `Radicado ${c.radicado}: constancia de su petición verbal`, body: lines.join('\n') };
}

/** The constancia as a PDF (without the tracking code: see the header). */
export function constanciaPdf(c: Constancia): Promise<Buffer> {
  const pdf = new PdfBuilder({
    title: CONSTANCIA_TITLE,
    author: c.entityName,
    subject: `Radicado ${c.radicado}`,
    footer: `${c.entityName} · Radicado ${c.radicado}`,
  });
  for (const s of constanciaSections(c)) {
    pdf.heading(s.heading);
    for (const b of s.blocks) {
      if (b.kind === 'field') pdf.field(b.label, b.value);
      else if (b.kind === 'text') pdf.paragraph(b.text, { label: b.label });
      else {
        pdf.paragraph(`${b.label}:`, { bold: true });
        pdf.list(b.items, b.empty);
      }
    }
  }
  return pdf.toBuffer();
}

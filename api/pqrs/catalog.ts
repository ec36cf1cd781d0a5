/**
 * The PQRSD vocabulary (DOMAIN.md sections 1 and 3). Plain data with no imports, so the
 * widgets can import it too without pulling server code into the bundle.
 */

export const PQRS_TYPES = {
  peticion: {
    label: 'Petición',
    help: 'Solicitud de interés general o particular ante la entidad.',
    businessDays: 15,
  },
  informacion: {
    label: 'Solicitud de información',
    help: 'Pedir información pública o copias de documentos.',
    businessDays: 10,
  },
  consulta: {
    label: 'Consulta',
    help: 'Pedir un concepto sobre materias a cargo de la entidad.',
    businessDays: 30,
  },
  queja: {
    label: 'Queja',
    help: 'Inconformidad con la conducta de un servidor público.',
    businessDays: 15,
  },
  reclamo: {
    label: 'Reclamo',
    help: 'Falla o irregularidad en la prestación de un servicio.',
    businessDays: 15,
  },
  sugerencia: {
    label: 'Sugerencia',
    help: 'Propuesta para mejorar un servicio o trámite.',
    businessDays: 15,
  },
  denuncia: {
    label: 'Denuncia',
    help: 'Conducta posiblemente irregular, incluida la corrupción.',
    businessDays: 15,
  },
  felicitacion: {
    label: 'Felicitación',
    help: 'Reconocimiento a un servidor o a un servicio.',
    businessDays: 15,
  },
} as const;

export type PqrsType = keyof typeof PQRS_TYPES;
export const PQRS_TYPE_VALUES = /* @__PURE__ */ Object.keys(PQRS_TYPES) as [PqrsType, ...PqrsType[]];

export const REQUESTER_KINDS = {
  natural: 'Persona natural',
  juridica: 'Persona jurídica (empresa u organización)',
  menor: 'Niño, niña o adolescente',
  anonimo: 'Anónimo',
} as const;
export type RequesterKind = keyof typeof REQUESTER_KINDS;
export const REQUESTER_KIND_VALUES = /* @__PURE__ */ Object.keys(REQUESTER_KINDS) as [RequesterKind, ...RequesterKind[]];

export const DOCUMENT_TYPES = {
  CC: 'Cédula de ciudadanía',
  CE: 'Cédula de extranjería',
  TI: 'Tarjeta de identidad',
  NIT: 'NIT',
  PA: 'Pasaporte',
  PPT: 'Permiso por Protección Temporal',
  RC: 'Registro civil',
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_TYPE_VALUES = /* @__PURE__ */ Object.keys(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]];

export const RESPONSE_CHANNELS = {
  email: 'Correo electrónico',
  postal: 'Correo postal (dirección física)',
  online: 'Consultar en línea (seguimiento con radicado y código)',
} as const;
export type ResponseChannel = keyof typeof RESPONSE_CHANNELS;
export const RESPONSE_CHANNEL_VALUES = /* @__PURE__ */ Object.keys(RESPONSE_CHANNELS) as [ResponseChannel, ...ResponseChannel[]];

/** Accepted attachment kinds, detected by content (magic bytes), with their usual extensions. */
export const ATTACHMENT_MIME_TYPES = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'text/plain': 'TXT',
} as const;
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt,.txt';

/** Shortest meaningful texts, shared by the form (minlength) and the server (zod). */
export const MIN_LENGTHS = { subject: 5, description: 20 } as const;

/** Field length limits shared by the form (maxlength) and the server (zod). */
export const LIMITS = {
  subject: 200,
  description: 10_000,
  name: 200,
  documentNumber: 20,
  email: 254,
  phone: 30,
  address: 300,
  city: 100,
} as const;

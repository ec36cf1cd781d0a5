/**
 * The channels a PQRSD comes in by (issue 11). Plain data with no imports, like catalog.ts, but
 * apart from it: only the staff page and the server use these values, and catalog.ts is in the
 * chunk every citizens' widget loads (vite.config.ts), so they would cost every municipal page.
 */

/**
 * The channel a request came in by. `web` is the citizens' form; `chat` and `buzon` are staff
 * filing a conversation or a mailbox message; the last three are verbal petitions (Decreto 1166
 * de 2016) typed by the official who heard them; `evento` is a citizen's question at an event
 * of the participation plan, filed by staff when it was left unanswered (issue 12). A new
 * channel is one more entry here and in the CHECK of the pqrs table (last rebuilt by migration
 * 013-event-tools.sql, which shows how).
 */
export const PQRS_CHANNELS = {
  web: 'Formulario web',
  chat: 'Chat',
  buzon: 'Buzón de contacto',
  presencial: 'Verbal presencial',
  telefonica: 'Verbal telefónica',
  otro_verbal: 'Verbal por otro medio de voz',
  evento: 'Pregunta en un evento',
} as const;
export type PqrsChannel = keyof typeof PQRS_CHANNELS;
export const PQRS_CHANNEL_VALUES = /* @__PURE__ */ Object.keys(PQRS_CHANNELS) as [PqrsChannel, ...PqrsChannel[]];
/** The channels of a verbal petition (Decreto 1166 de 2016): in person, by phone, by any other voice means. */
export const VERBAL_CHANNEL_VALUES = ['presencial', 'telefonica', 'otro_verbal'] as const satisfies readonly PqrsChannel[];
export type VerbalChannel = (typeof VERBAL_CHANNEL_VALUES)[number];

/** Field limits of a verbal petition (Decreto 1166 de 2016), shared by the staff form and the server. */
export const VERBAL_LIMITS = {
  object: 2000,
  reasons: 7000,
  paperAnnex: 200,
  paperAnnexes: 20,
} as const;

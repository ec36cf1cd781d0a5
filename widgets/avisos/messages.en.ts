/** English texts of `<ecam-avisos>`, fetched only by pages in English (see messages.ts). */
import type { Messages } from '../shared/i18n.ts';
import { commonEn } from '../shared/messages.en.ts';
import { EN_TYPES } from '../pqrs/vocabulary.en.ts';
import type { Es } from './messages.ts';

export const en: Messages<Es> = {
  ...commonEn,
  searchLabel: 'Find a notice by filing number',
  radicado: 'Filing number',
  radicadoHint: (year) => `For example ECAM-${year}-000123.`,
  required: 'Filing number: this field is required.',
  search: 'Search',
  showAll: 'Show all notices',
  listLabel: 'Current notices',
  loading: 'Loading the notices…',
  count: (n) => (n === 0 ? 'There are no notices published at the moment.' : n === 1 ? 'There is 1 current notice.' : `There are ${n} current notices.`),
  found: (radicado) => `There is a current notice for filing number ${radicado}.`,
  notFound: (radicado) =>
    `There is no current notice for filing number ${radicado}. If you made that request, look up its answer with the filing number and the tracking code.`,
  tooMany: (wait) => `Too many lookups were made from your connection. Please wait ${wait} and try again.`,
  retry: 'Try again',
  title: (kind, radicado) => `${kind === 'anonima' ? 'Answer to an anonymous request' : 'Notice'}: filing number ${radicado}`,
  kindLabel: 'Kind',
  kind: (kind) => (kind === 'anonima' ? 'Answer to an anonymous request' : 'Notice (answer that could not be delivered)'),
  typeLabel: 'Type of request',
  type: (type) => EN_TYPES[type][0],
  publishedOn: 'Published on',
  removalOn: 'Removed at the end of',
  notifiedOn: 'Notification done at the end of',
  notifiedHint: 'Law 1437 of 2011 (CPACA), art. 69.',
  textLabel: 'Text of the answer',
};

/** English texts of `<ecam-informe>`, fetched only by pages in English (see messages.ts). */
import type { Messages } from '../shared/i18n.ts';
import { commonEn } from '../shared/messages.en.ts';
import { EN_FILING_CHANNELS, EN_TYPES } from '../pqrs/vocabulary.en.ts';
import type { Column, Es, Standing } from './messages.ts';

const ORDINALS = ['First', 'Second', 'Third', 'Fourth'];

const COLUMNS: Record<Column, string> = {
  received: 'Received',
  answeredOnTime: 'Answered on time',
  answeredLate: 'Answered late',
  overdue: 'Overdue, unanswered',
  open: 'Open, within term',
  transferred: 'Transferred to another entity',
  withdrawn: 'Closed for withdrawal',
  denied: 'Access to information denied',
  avgBusinessDays: 'Average business days to answer',
  maxBusinessDays: 'Maximum business days to answer',
};

const STANDINGS: Record<Standing, string> = {
  answeredOnTime: 'Answered on time',
  answeredLate: 'Answered late',
  overdue: 'Overdue, unanswered',
  open: 'Open, within term',
  transferred: 'Transferred to another entity',
  withdrawn: 'Closed for withdrawal',
};

export const en: Messages<Es> = {
  ...commonEn,
  loading: 'Loading the published reports…',
  loadingReport: 'Loading the report…',
  retry: 'Try again',
  listTitle: 'Published reports',
  empty: 'The entity has not published any PQRSD report yet.',
  period: (kind, from, to, date) => {
    const [y, m] = from.split('-').map(Number) as [number, number];
    if (kind === 'trimestre') return `${ORDINALS[Math.floor((m - 1) / 3)]} quarter of ${y}`;
    if (kind === 'semestre') return `${ORDINALS[Math.floor((m - 1) / 6)]} half of ${y}`;
    if (kind === 'anio') return `Year ${y}`;
    return `From ${date(from)} to ${date(to)}`;
  },
  version: (n) => `version ${n}`,
  publishedOn: (date) => `Published on ${date}`,
  replacedBy: (n) => `Replaced by version ${n}`,
  reportTitle: (period) => `PQRSD report: ${period}`,
  periodLabel: 'Period',
  periodRange: (from, to) => `From ${from} to ${to}`,
  versionLabel: 'Version',
  publishedLabel: 'Published',
  publishedByLabel: 'Published by',
  asOfLabel: 'Figures as of',
  corrects: (n, reason) => `This version corrects version ${n}. Reason: ${reason}`,
  replacedNotice: (n) => `This version was replaced by version ${n}, which corrects it.`,
  openVersion: (n) => `See version ${n}`,
  csv: 'Download the report (CSV)',
  infoTitle: 'Requests for public information',
  infoIntro:
    'What Decree 1081 of 2015 (art. 2.1.1.6.2) requires: requests received, transferred, the response time of each one, and those where access was denied.',
  infoReceived: 'Received',
  infoTransferred: 'Transferred to another entity',
  infoDenied: 'Access denied',
  infoNone: 'No requests for information were received in the period.',
  infoTable: 'Response time of each request for information',
  radicado: 'Filing number',
  receivedOn: 'Received on',
  standing: 'Status at the cut-off',
  answeredOn: 'Answered on',
  businessDays: 'Business days to answer',
  deniedColumn: 'Access denied',
  yes: 'Yes',
  no: 'No',
  typesTitle: 'PQRSD by type',
  typesTable: 'PQRSD by type: received, answered, overdue, open, transferred and response times',
  kindOfRequest: 'Type of request',
  total: 'Total',
  chartTitle: 'Chart: status of the requests of each type',
  chartNote: 'Each bar is the total of requests received of one type, split by their status at the cut-off. The same data is in the table “PQRSD by type”.',
  channelsTitle: 'Requests received by channel',
  channel: 'Channel',
  scrollTable: (name) => `${name} (scroll to see every column)`,
  column: (c) => COLUMNS[c],
  standingLabel: (s) => STANDINGS[s],
  type: (type) => EN_TYPES[type][0],
  channelLabel: (channel) => EN_FILING_CHANNELS[channel],
  none: '—',
};

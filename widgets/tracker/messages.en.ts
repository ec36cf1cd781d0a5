/** English texts of `<ecam-tracker>`, fetched only by pages in English (see messages.ts). */
import type { Messages } from '../shared/i18n.ts';
import { commonEn } from '../shared/messages.en.ts';
import { EN_STATES, EN_TYPES } from '../pqrs/vocabulary.en.ts';
import type { Es } from './messages.ts';

const OFFLINE = commonEn.offline;

export const en: Messages<Es> = {
  ...commonEn,
  radicadoLabel: 'Filing number',
  codeLabel: 'Tracking code',
  required: (label) => `${label}: this field is required.`,
  notFound: 'We could not find a request with that filing number and code. Please check both.',
  daysLeft: (days) => {
    const n = Math.abs(days);
    const unit = n === 1 ? 'business day' : 'business days';
    if (days < 0) return `Overdue by ${n} ${unit}`;
    if (days === 0) return 'Due today';
    return `${n} ${unit} left`;
  },
  type: (type) => EN_TYPES[type][0],
  state: (state) => EN_STATES[state][0],
  stateDescription: (state) => EN_STATES[state][1],
  downloading: (name) => `Downloading ${name}…`,
  downloaded: (name) => `Downloaded: ${name}.`,
  downloadOffline: (name) => `We could not download “${name}”. ${OFFLINE}`,
  gone: (name) => `The file “${name}” is no longer available. Please look up your request again.`,
  tooMany: (wait) => `Too many lookups were made from your connection. Please wait ${wait} and try again.`,
  formLabel: 'Check the status of a request',
  intro: 'Enter the filing number and the tracking code you received when you made your request.',
  radicado: 'Filing number',
  radicadoHint: (year) => `It is on the acknowledgement of receipt, for example ECAM-${year}-000123.`,
  codeHint:
    '12 letters and numbers, for example ABCD-EFGH-JKMN. You can type it with or without hyphens, in upper or lower case.',
  secret: 'Do not share your code: anyone who has it can see your request and the answer.',
  searching: 'Looking up…',
  search: 'Look up',
  searchingStatus: 'Looking up your request…',
  clockStopped:
    'Time limit suspended while you complete your request: the date moves by the business days you take to do it.',
  dueDate: 'Answer due by',
  extended: (date) => `Extended; the original date was ${date}.`,
  transferred: (entity) => `Transferred to ${entity}`,
  transferText: (date) => `That entity is the competent one and will answer you directly. Date of transfer: ${date}`,
  extensionTitle: 'Time limit extended',
  extensionText: (at, due) => ` on ${at}, until ${due}.`,
  reason: (reason) => `Reason: ${reason}`,
  completionExpired: 'The time to complete your request ran out',
  completionExpiredOn: (date) => `on ${date}.`,
  completionTitle: 'Complete your request',
  completionBy: (date, extended) => `by ${date}${extended ? ' (extended)' : ''}.`,
  completionWhat: 'The history shows what the entity asked you for.',
  answerTitle: "The entity's answer",
  answeredAt: (date) => `Answered on ${date}`,
  answerFiles: 'Files of the answer',
  downloadingButton: 'Downloading',
  download: 'Download',
  surveyOffline: `We could not open the survey. ${OFFLINE}`,
  satisfaction: 'How was our service?',
  surveyDone: 'Thank you: you already answered the survey.',
  surveyInvite: (title) => `Tell us in the survey “${title}”; it takes a couple of minutes.`,
  surveyButton: 'Answer the satisfaction survey',
  timeline: 'History of the request',
  timelineOrder: 'From oldest to newest.',
  statusTitle: (radicado) => `Status of request ${radicado}`,
  stateLabel: 'Status: ',
  typeLabel: 'Type of request',
  receivedAt: 'Date and time received',
  effective: (date) => `It counts as received on ${date}, the first business day.`,
  another: 'Look up another request',
  noticeTitle: (anonymous) => (anonymous ? 'Answer published on the website' : 'Answer published as a notice'),
  noticeText: (anonymous, from, to) =>
    anonymous
      ? `As an anonymous request, its answer was published without personal data on the entity's website from ${from} to ${to}.`
      : `The answer could not be delivered to you; it was published on the entity's website from ${from} to ${to}.`,
  noticeNotified: (date) => `Notification counts as done at the end of ${date} (Law 1437 of 2011, art. 69).`,
  noticeCurrent: 'It is published now in the notices section of the transparency page.',
};

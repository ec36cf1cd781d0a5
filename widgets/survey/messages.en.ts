/** English texts of `<ecam-survey>`, fetched only by pages in English (see messages.ts). */
import type { Messages } from '../shared/i18n.ts';
import { commonEn } from '../shared/messages.en.ts';
import type { Es } from './messages.ts';

const OFFLINE = commonEn.offline;
const options = (n: number) => `${n} ${n === 1 ? 'option' : 'options'}`;

export const en: Messages<Es> = {
  ...commonEn,
  answered: 'You already answered this survey. Thank you for your opinion!',
  yes: 'Yes',
  no: 'No',
  ratingHint: '1 = very dissatisfied, 5 = very satisfied.',
  npsHint: '0 = not at all likely, 10 = very likely.',
  tooManyChosen: (max) => `You can choose up to ${max}; remove one to choose another.`,
  missingRows: (rows) => `Answer every row; missing: ${rows}.`,
  required: 'Please answer this question.',
  atLeast: (n) => `Choose at least ${options(n)}.`,
  atMost: (n) => `Choose at most ${options(n)}.`,
  sendOffline: `${OFFLINE} Your answers are still in the form.`,
  tooManyRequests: (wait) => `Too many answers were sent from your connection. Please wait ${wait} and try again.`,
  chooseExactly: (n) => `Choose ${n}.`,
  chooseBetween: (min, max) => `Choose between ${min} and ${max}.`,
  chooseAtLeast: (n) => `Choose at least ${n}.`,
  chooseAtMost: (n) => `Choose at most ${n}.`,
  chooseAny: 'You can choose several.',
  question: (n) => `Question ${n}: `,
  review: (n, next) => `Please check ${n === 1 ? 'this answer' : 'these answers'} before ${next ? 'continuing' : 'sending'}:`,
  step: (n, total) => `Question ${n} of ${total}`,
  progress: (n, total) => `You have answered ${n} of ${total} ${total === 1 ? 'question' : 'questions'}`,
  invitationOnly: 'This survey is answered with the invitation link you received from the entity.',
  previous: 'Previous',
  next: 'Next',
  sending: 'Sending…',
  send: 'Send answers',
  sendingStatus: 'Sending your answers…',
  results: 'Results',
  respondents: (n) => `${n === 1 ? '1 person has answered' : `${n} people have answered`}.`,
  answers: (n) => `${n} ${n === 1 ? 'answer' : 'answers'}`,
  average: (value) => `Average: ${value}`,
  nps: (score, promoters, passives, detractors) =>
    `NPS: ${score} (promoters: ${promoters}, passives: ${passives}, detractors: ${detractors})`,
  opens: (date) => `This survey opens ${date ? `on ${date}` : 'soon'}.`,
  closed: (date) => `This survey ${date ? `closed on ${date}` : 'is closed'}. Thank you for your interest.`,
  preview: 'Preview: the answers were neither sent nor saved.',
  loading: 'Loading the survey…',
  missing: 'We could not find this survey. Check the link or ask the entity.',
  retry: 'Try again',
};

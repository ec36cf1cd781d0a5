/** English of the texts every widget uses (messages.ts), part of each widget's English chunk. */
import type { Messages } from './i18n.ts';
import type { Common } from './messages.ts';

export const commonEn: Messages<Common> = {
  offline: 'We could not reach the server. Check your internet connection and try again.',
  serverError: 'The server had a problem. Please try again in a few minutes.',
  failed: 'The request could not be processed.',
  optional: '(optional)',
  error: 'Error:',
  newTab: ' (opens in a new tab)',
  fewMinutes: 'a few minutes',
};

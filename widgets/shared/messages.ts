/** Texts every widget uses: generic failures, the "optional" mark, screen reader prefixes. */
import { catalog } from './i18n.ts';

export const messages = catalog(
  {
    offline: 'No pudimos conectar con el servidor.',
    serverError: 'El servidor tuvo un problema. Intente de nuevo en unos minutos.',
    failed: 'La solicitud no pudo procesarse.',
    optional: '(opcional)',
    error: 'Error:',
    newTab: ' (se abre en una pestaña nueva)',
    fewMinutes: 'unos minutos',
  },
  {
    offline: 'We could not reach the server.',
    serverError: 'The server had a problem. Please try again in a few minutes.',
    failed: 'The request could not be processed.',
    optional: '(optional)',
    error: 'Error:',
    newTab: ' (opens in a new tab)',
    fewMinutes: 'a few minutes',
  },
);

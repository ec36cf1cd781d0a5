/**
 * Texts every widget uses: generic failures, the "optional" mark, screen reader prefixes.
 * Each widget's catalog includes them (`{ ...common, ... }`), and its English chunk includes
 * `commonEn` (messages.en.ts), so English travels only to pages in English.
 */
export const common = {
  offline: 'No pudimos conectar con el servidor. Revise su conexión a internet e intente de nuevo.',
  serverError: 'El servidor tuvo un problema. Intente de nuevo en unos minutos.',
  failed: 'La solicitud no pudo procesarse.',
  optional: '(opcional)',
  error: 'Error:',
  newTab: ' (se abre en una pestaña nueva)',
  fewMinutes: 'unos minutos',
};
export type Common = typeof common;

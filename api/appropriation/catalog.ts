/**
 * What the widgets may report to `POST /api/metrics` (issue 13). Plain data with no imports, so
 * the widgets can import it (or `import type` its types) without pulling server code.
 */

/** The widgets that report use; the key is the `widget` of an event, the value its label. */
export const USAGE_WIDGETS = {
  pqrs: 'Formulario PQRSD',
  tracker: 'Consulta de estado',
  survey: 'Encuestas',
  chat: 'Chat',
  agenda: 'Agenda de participación',
  event: 'Evento',
  avisos: 'Avisos',
  informe: 'Informe publicado',
} as const;
export type UsageWidget = keyof typeof USAGE_WIDGETS;
export const USAGE_WIDGET_VALUES = /* @__PURE__ */ Object.keys(USAGE_WIDGETS) as [UsageWidget, ...UsageWidget[]];

/**
 * What happened, once per page view and widget: `shown` the widget became visible on screen,
 * `started` the first interaction, `completed` its purpose done (filed, tracked, answered, chat
 * started, registered), and the errors the citizen saw, split by cause: `validation_error` (the
 * form said a field was wrong) and `connection_error` (the server could not be reached or failed).
 */
export const USAGE_MEASURES = {
  shown: 'Mostrado',
  started: 'Iniciado',
  completed: 'Completado',
  validation_error: 'Error de validación',
  connection_error: 'Error de conexión',
} as const;
export type UsageMeasure = keyof typeof USAGE_MEASURES;
export const USAGE_MEASURE_VALUES = /* @__PURE__ */ Object.keys(USAGE_MEASURES) as [UsageMeasure, ...UsageMeasure[]];

/** The coarse device class, from the User-Agent (which is never stored). */
export const USAGE_DEVICES = { phone: 'Teléfono', other: 'Otro' } as const;
export type UsageDevice = keyof typeof USAGE_DEVICES;

/** The bounds of one report: events per batch and characters of a path. */
export const USAGE_LIMITS = { events: 50, path: 300 } as const;

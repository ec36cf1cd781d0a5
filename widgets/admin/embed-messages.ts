/** Texts of the «Insertar en su sitio» view of the staff page (`#/insertar`), Spanish and English. */
import { catalog } from './catalog.ts';

/** The widgets a webmaster can insert. */
export type EmbedTag = 'ecam-pqrs' | 'ecam-tracker' | 'ecam-survey' | 'ecam-chat';

/** The options the page offers: attributes, then custom properties. */
export type EmbedOption =
  | 'tracker-url'
  | 'policy-url'
  | 'survey'
  | 'layout'
  | 'inline'
  | 'lang'
  | 'theme'
  | 'api-base'
  | '--ecam-primary'
  | '--ecam-primary-contrast'
  | '--ecam-text'
  | '--ecam-heading'
  | '--ecam-radius'
  | '--ecam-font-family';

/** The choices of the option lists (`''`: the widget's default). */
export type EmbedValue = '' | 'steps' | 'es' | 'en' | 'light' | 'dark';

const WIDGETS_ES: Record<EmbedTag, string> = {
  'ecam-pqrs': 'Formulario de PQRSD',
  'ecam-tracker': 'Seguimiento de una PQRSD',
  'ecam-survey': 'Encuesta',
  'ecam-chat': 'Chat',
};
const WIDGETS_EN: Record<EmbedTag, string> = {
  'ecam-pqrs': 'PQRSD form',
  'ecam-tracker': 'PQRSD tracking',
  'ecam-survey': 'Survey',
  'ecam-chat': 'Chat',
};

const LABELS_ES: Record<EmbedOption, string> = {
  'tracker-url': 'Página de seguimiento',
  'policy-url': 'Página de la política de datos',
  survey: 'Encuesta',
  layout: 'Presentación',
  inline: 'En la página, no flotando en la esquina',
  lang: 'Idioma',
  theme: 'Tema',
  'api-base': 'Servidor de la API',
  '--ecam-primary': 'Color principal (botones y enlaces)',
  '--ecam-primary-contrast': 'Texto sobre el color principal',
  '--ecam-text': 'Color del texto',
  '--ecam-heading': 'Color de los títulos',
  '--ecam-radius': 'Redondeo de las esquinas',
  '--ecam-font-family': 'Tipo de letra',
};
const LABELS_EN: Record<EmbedOption, string> = {
  'tracker-url': 'Tracking page',
  'policy-url': 'Data policy page',
  survey: 'Survey',
  layout: 'Layout',
  inline: 'In the page, not floating in the corner',
  lang: 'Language',
  theme: 'Theme',
  'api-base': 'API server',
  '--ecam-primary': 'Main colour (buttons and links)',
  '--ecam-primary-contrast': 'Text on the main colour',
  '--ecam-text': 'Text colour',
  '--ecam-heading': 'Heading colour',
  '--ecam-radius': 'Corner rounding',
  '--ecam-font-family': 'Typeface',
};

const HINTS_ES: Partial<Record<EmbedOption, string>> = {
  'tracker-url': 'Dirección de la página donde insertó el seguimiento, p. ej. /seguimiento. La confirmación enlaza allí.',
  'policy-url': 'Vacío: la configurada en el servidor.',
  'api-base': 'Vacío (lo usual): el servidor del que se carga el script. La vista previa usa siempre este servidor.',
  '--ecam-radius': 'Una medida CSS: 0, 5px, 0.5rem.',
  '--ecam-font-family': 'Vacío: Work Sans si la página ya la tiene; si no, la del sistema.',
};
const HINTS_EN: Partial<Record<EmbedOption, string>> = {
  'tracker-url': 'Address of the page where you put the tracking widget, e.g. /seguimiento. The acknowledgement links there.',
  'policy-url': 'Empty: the one configured on the server.',
  'api-base': 'Empty (the usual): the server the script is loaded from. The preview always uses this server.',
  '--ecam-radius': 'A CSS length: 0, 5px, 0.5rem.',
  '--ecam-font-family': 'Empty: Work Sans if the page already has it; else the system font.',
};

const VALUES_ES: Record<EmbedValue, string> = {
  '': 'Por defecto',
  steps: 'Una pregunta por pantalla',
  es: 'Español',
  en: 'Inglés',
  light: 'Claro',
  dark: 'Oscuro',
};
const VALUES_EN: Record<EmbedValue, string> = {
  '': 'Default',
  steps: 'One question per screen',
  es: 'Spanish',
  en: 'English',
  light: 'Light',
  dark: 'Dark',
};

const es = {
  title: 'Insertar en su sitio',
  intro:
    'Elija un widget y sus opciones: abajo aparece el código para pegar en cualquier página de su sitio (WordPress, Joomla, plantilla GOV.CO o HTML) y el widget tal como se verá.',
  widget: 'Widget',
  widgetName: (tag: EmbedTag) => WIDGETS_ES[tag],
  options: 'Opciones',
  appearance: 'Colores y forma',
  label: (option: EmbedOption) => LABELS_ES[option],
  hint: (option: EmbedOption) => HINTS_ES[option] ?? '',
  value: (value: EmbedValue) => VALUES_ES[value],
  /** What «Por defecto» means for an option list. */
  defaultOf: (option: EmbedOption) =>
    option === 'layout'
      ? 'Por defecto: todas las preguntas en una página'
      : option === 'lang'
        ? 'Por defecto: el idioma de la página'
        : option === 'theme'
          ? 'Por defecto: claro u oscuro según el sistema del visitante'
          : 'Por defecto',
  noSurveys: 'Aún no hay encuestas: cree una en Encuestas. Mientras tanto puede escribir su identificador.',
  surveyOption: (title: string, slug: string) => `${title} (${slug})`,
  badRadius: 'Redondeo de las esquinas: escriba una medida CSS como 0, 5px o 0.5rem.',
  contrast: (label: string, ratio: string, against: string) =>
    `Atención: «${label}» tiene un contraste de ${ratio}:1 ${against}; las pautas WCAG 2.1 AA piden al menos 4,5:1 para el texto. Algunas personas no podrán leerlo.`,
  onWhite: 'sobre el fondo blanco',
  onPrimary: 'con el color principal',
  darkNote:
    'Los colores elegidos se usan también en el tema oscuro, sobre un fondo oscuro: si los cambia, elija el tema Claro o revise el contraste en el tema oscuro.',
  code: 'Código para su sitio',
  codeHint: 'Péguelo en el HTML de la página, donde deba aparecer el widget. El script puede repetirse en una misma página sin problema.',
  copy: 'Copiar el código',
  resetStyle: 'Restablecer colores y forma',
  copied: 'Código copiado.',
  copyFailed: 'No se pudo copiar: seleccione el texto del código y cópielo con Ctrl+C.',
  preview: 'Vista previa',
  previewHint: 'El widget real con estas opciones. Aquí no se puede usar, para no radicar solicitudes ni responder encuestas de prueba.',
};

export const messages = catalog(es, {
  title: 'Embed on your site',
  intro:
    'Choose a widget and its options: below you get the code to paste into any page of your site (WordPress, Joomla, GOV.CO template or plain HTML) and the widget as it will look.',
  widget: 'Widget',
  widgetName: (tag) => WIDGETS_EN[tag],
  options: 'Options',
  appearance: 'Colours and shape',
  label: (option) => LABELS_EN[option],
  hint: (option) => HINTS_EN[option] ?? '',
  value: (value) => VALUES_EN[value],
  defaultOf: (option) =>
    option === 'layout'
      ? 'Default: all questions on one page'
      : option === 'lang'
        ? "Default: the page's language"
        : option === 'theme'
          ? "Default: light or dark following the visitor's system"
          : 'Default',
  noSurveys: 'There are no surveys yet: create one in Surveys. Meanwhile you can type its identifier.',
  surveyOption: (title, slug) => `${title} (${slug})`,
  badRadius: 'Corner rounding: type a CSS length such as 0, 5px or 0.5rem.',
  contrast: (label, ratio, against) =>
    `Warning: “${label}” has a contrast of ${ratio}:1 ${against}; WCAG 2.1 AA asks for at least 4.5:1 for text. Some people will not be able to read it.`,
  onWhite: 'on the white background',
  onPrimary: 'with the main colour',
  darkNote:
    'The chosen colours are also used by the dark theme, on a dark background: if you change them, choose the Light theme or check the contrast in the dark theme.',
  code: 'Code for your site',
  codeHint: 'Paste it into the HTML of the page, where the widget should appear. The script may appear twice on a page without harm.',
  copy: 'Copy the code',
  resetStyle: 'Reset colours and shape',
  copied: 'Code copied.',
  copyFailed: 'Could not copy: select the text of the code and copy it with Ctrl+C.',
  preview: 'Preview',
  previewHint: 'The real widget with these options. It cannot be used here, so no test requests are filed and no test answers recorded.',
});

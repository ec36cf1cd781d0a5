/**
 * The widgets' and the staff page's text catalogs: the compiler already checks that English has
 * every key of Spanish with the same shape; this checks what it cannot: no text is empty, and the
 * English ones were really translated (no Spanish left in them: accents, ñ, ¿, ¡, «»).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages as adminMessages } from '../../widgets/admin/messages.ts';
import { noticesMessages } from '../../widgets/admin/messages-notices.ts';
import { messages as avisos } from '../../widgets/avisos/messages.ts';
import { messages as agenda } from '../../widgets/events/agenda-messages.ts';
import { messages as eventPage } from '../../widgets/events/event-messages.ts';
import { pqrsMessages } from '../../widgets/admin/messages-pqrs.ts';
import { reviewMessages } from '../../widgets/admin/messages-review.ts';
import { settingsMessages } from '../../widgets/admin/messages-settings.ts';
import { usageMessages } from '../../widgets/admin/settings-usage.ts';
import { holidayMessages } from '../../widgets/admin/messages-holidays.ts';
import { eventsMessages } from '../../widgets/admin/messages-events.ts';
import { surveyMessages } from '../../widgets/admin/messages-surveys.ts';
import { messages as pqrs } from '../../widgets/pqrs/messages.ts';
import { common } from '../../widgets/shared/messages.ts';
import { commonEn } from '../../widgets/shared/messages.en.ts';
import type { Catalog } from '../../widgets/shared/i18n.ts';
import { messages as survey } from '../../widgets/survey/messages.ts';
import { messages as tracker } from '../../widgets/tracker/messages.ts';

type Texts = Record<string, string | ((...args: never[]) => string)>;

const catalogs: Record<string, Catalog<Texts>> = {
  shared: { es: common, en: commonEn },
  pqrs,
  tracker,
  survey,
  admin: adminMessages,
  'admin PQRSD': pqrsMessages,
  'admin review': reviewMessages,
  'admin settings': settingsMessages,
  'admin usage counts': usageMessages,
  'admin holidays': holidayMessages,
  'admin events': eventsMessages,
  'admin surveys': surveyMessages,
  avisos,
  'admin notices': noticesMessages,
  agenda,
  'event page': eventPage,
};

/** Spanish marks, and words that only a forgotten Spanish text would have. */
const SPANISH = /[áéíóúñ¿¡«»]|\b(el|la|los|las|del|que|por|para|su|sus|una|es)\b/i;
/** Proper names written the Spanish way on purpose in English texts. */
const NAMES = /Bogotá|Administrador|ECAM Participa/g;

/** A function's source as written: the transpiler escapes non-ASCII letters (`d\\xEDas`). */
function unescape(source: string): string {
  return source.replace(/\\(?:x([0-9a-f]{2})|u([0-9a-f]{4}))/gi, (_, x: string, u: string) => String.fromCharCode(parseInt(x ?? u, 16)));
}

/** The English texts of a catalog, fetching them when they live in a chunk of their own. */
async function english(c: Catalog<Texts>): Promise<Texts> {
  return c.en ?? (await c.load!()).en;
}

describe('text catalogs', () => {
  for (const [name, c] of Object.entries(catalogs)) {
    it(`${name}: every text says something, in Spanish and in English`, async () => {
      const en = await english(c);
      assert.deepEqual(Object.keys(en).sort(), Object.keys(c.es).sort());
      for (const [lang, texts] of [['es', c.es], ['en', en]] as const) {
        for (const [key, value] of Object.entries(texts)) {
          if (typeof value === 'string') assert.ok(value.trim(), `${name}.${lang}.${key} is empty`);
          else assert.equal(typeof value, 'function', `${name}.${lang}.${key}`);
        }
      }
    });

    it(`${name}: the English texts have no Spanish left in them`, async () => {
      const en = await english(c);
      for (const [key, value] of Object.entries(en)) {
        // A function's source holds its text; what it passes through (the server's words) is named, not written.
        const source = (typeof value === 'string' ? value : unescape(String(value))).replace(NAMES, '');
        const literals = typeof value === 'string' ? [source] : (source.match(/(['"`])(?:\\.|(?!\1).)*\1/g) ?? []);
        for (const text of literals) assert.doesNotMatch(text, SPANISH, `${name}.en.${key}: ${text}`);
      }
    });
  }

  it('the Spanish texts are the ones the widgets showed before they had catalogs', () => {
    assert.equal(pqrs.es.send, 'Enviar solicitud');
    assert.equal(pqrs.es.required('Asunto'), 'Asunto: es obligatorio.');
    assert.equal(tracker.es.daysLeft(1), 'Queda 1 día hábil');
    assert.equal(tracker.es.daysLeft(-3), 'Vencida hace 3 días hábiles');
    assert.equal(survey.es.progress(0, 7), 'Ha respondido 0 de 7 preguntas');
    assert.equal(adminMessages.es.title('bandeja', 'Bandeja de solicitudes'), 'Bandeja de solicitudes');
    assert.equal(pqrsMessages.es.type('queja'), 'Queja');
  });
});

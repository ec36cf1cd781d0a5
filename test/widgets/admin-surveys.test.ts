/**
 * The survey pages of /admin in real Chromium against the real API: the list, the builder, the
 * preview (with the citizens' own <ecam-survey>) and the results, each checked with axe; a survey
 * built with the keyboard only; results counted from answers sent through the public API.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Question, StaffResults, Survey, SurveyInput, SurveyListItem } from '../../api/survey/schemas.ts';
import type { EcamAdmin } from '../../widgets/admin/admin.ts';
import { choices, matrix } from '../survey-questions.ts';
import {
  WAIT,
  apiLogin,
  apiLogout,
  apiPost,
  click,
  deepActive,
  fill,
  json,
  openPage,
  submitWrongRange,
  tabTo,
  text,
  v,
  vAll,
  waitForFocus,
  waitForView,
} from './admin-page.ts';
import { answerSurvey } from './helpers.ts';

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

const QUESTIONS: Question[] = [
  { id: 'servicio', type: 'single', label: '¿Qué servicio usó?', required: true, options: choices(['curso', 'Curso'], ['tramite', 'Trámite']) },
  {
    id: 'medios',
    type: 'multiple',
    label: '¿Cómo se enteró?',
    required: false,
    options: choices(['web', 'Sitio web'], ['radio', 'Radio'], ['amigos', 'Amigos']),
  },
  { id: 'atencion', type: 'rating', label: 'Califique la atención', required: true },
  { id: 'recomienda', type: 'nps', label: '¿Nos recomendaría?', required: true },
  { id: 'volveria', type: 'yesno', label: '¿Volvería?', required: true },
  matrix('aspectos', 'Aspectos del curso', false, [['docente', 'Docente'], ['material', 'Material']], choices(['1', 'Malo'], ['2', 'Regular'], ['3', 'Bueno'])),
  { id: 'comentario', type: 'textarea', label: 'Comentarios', required: false },
];

/** A survey created (with `extra` fields) and opened through the staff API; returns it. */
async function openSurvey(csrfToken: string, slug: string, questions: Question[] = QUESTIONS, extra: Partial<SurveyInput> = {}): Promise<Survey> {
  const created = await apiPost<Survey>(csrfToken, '/api/admin/surveys', { slug, title: `Encuesta ${slug}`, questions, ...extra }, 201);
  return apiPost<Survey>(csrfToken, `/api/admin/surveys/${created.id}/open`, {});
}

/** Types `value` into the focused control. */
async function type(value: string): Promise<void> {
  await sendKeys({ type: value });
}

async function pressOn(match: (el: Element) => boolean, what: string, key = 'Enter'): Promise<void> {
  await tabTo(match, what, 120);
  await sendKeys({ press: key });
}

const isId = (id: string) => (el: Element) => el.id === id;
const named = (re: RegExp) => (el: Element) => el.localName === 'button' && re.test(text(el));

describe('<ecam-admin> surveys', () => {
  beforeEach(async () => {
    await apiLogout();
  });
  afterEach(() => {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });

  it('lists surveys, creates a draft, shows server errors next to their inputs, previews it', async () => {
    await apiLogin();
    const el = await openPage('#/encuestas');
    await waitForView(el, 'ecam-admin-surveys');
    await waitUntil(() => vAll(el, 'tbody tr').length > 0, 'the list never appeared', WAIT);
    await expect(el).to.be.accessible();
    expect(text(el.shadowRoot!.querySelector('nav a[aria-current="page"]'))).to.equal('Encuestas');
    expect(vAll(el, 'thead th').map(text)).to.deep.equal(['Título', 'Identificador', 'Estado', 'Respuestas', 'Apertura', 'Cierre', 'Resultados']);
    const seeded = vAll(el, 'tbody tr').find((tr) => text(tr).includes('satisfaccion-servicio'));
    expect(text(seeded)).to.contain('Abierta');

    // A new survey: the slug comes from the title; a bad one is refused next to its field.
    fill(v(el, '#new-title'), 'Encuesta de prueba');
    fill(v(el, '#new-slug'), 'Con Mayúsculas');
    click(v(el, 'form button[type="submit"]'));
    await waitUntil(() => text(v(el, '#new-slug-error')), 'no slug error', WAIT);
    expect(text(v(el, '#new-slug-error'))).to.match(/^Error: Identificador \(slug\): use minúsculas/);
    await waitForFocus(el, '#new-slug');
    await expect(el).to.be.accessible();

    const slug = `prueba-${unique()}`;
    fill(v(el, '#new-slug'), slug);
    click(v(el, 'form button[type="submit"]'));
    await waitForView(el, 'ecam-admin-survey-builder');
    await waitUntil(() => v(el, '#s-title'), 'the builder never appeared', WAIT);
    await waitForFocus(el, 'h1');
    expect(text(v(el, 'h1'))).to.equal('Editar encuesta: Encuesta de prueba');
    expect(location.hash).to.match(/^#\/encuesta\/\d+\/editar$/);
    expect(document.title).to.equal('Encuesta · Administración · ECAM Participa');
    await expect(el).to.be.accessible();

    // A question with an empty text and a single choice with one empty option: the server's
    // messages go next to the inputs they are about.
    click(v(el, '#add-question'));
    await waitUntil(() => vAll(el, 'fieldset.question').length === 1, 'no question', WAIT);
    const key = v(el, 'fieldset.question')!.id; // q<key>
    click(v(el, 'button[type="submit"]'));
    await waitUntil(() => text(v(el, `#${key}-label-error`)), 'no error next to the question text', WAIT);
    expect(text(v(el, `#${key}-label-error`))).to.match(/^Error: Pregunta:/);
    expect(text(v(el, `#${key}-o0-label-error`))).to.match(/^Error: Texto de la opción:/);
    expect(v(el, `#${key}-label`)!.getAttribute('aria-invalid')).to.equal('true');
    await waitForFocus(el, `#${key}-label`);
    await expect(el).to.be.accessible();

    fill(v(el, `#${key}-label`), '¿Cómo le pareció el curso?');
    fill(v(el, `#${key}-o0-label`), 'Bueno');
    fill(v(el, `#${key}-o1-label`), 'Malo');
    click(v(el, 'button[type="submit"]'));
    await waitUntil(() => text(v(el, '#survey-status')).startsWith('Se guardó la encuesta'), 'never saved', WAIT);
    const id = Number(/\d+/.exec(location.hash)![0]);
    let saved = await json<Survey>(await fetch(`/api/admin/surveys/${id}`));
    expect(saved.questions).to.have.length(1);
    expect(saved.questions[0]!.options).to.deep.equal([
      { value: 'bueno', label: 'Bueno' },
      { value: 'malo', label: 'Malo' },
    ]);

    // A second question shown only when the first is answered «Malo».
    click(v(el, '#add-question'));
    await waitUntil(() => vAll(el, 'fieldset.question').length === 2, 'no second question', WAIT);
    const key2 = vAll(el, 'fieldset.question')[1]!.id;
    fill(v(el, `#${key2}-type`), 'textarea');
    fill(v(el, `#${key2}-label`), '¿Qué no le gustó?');
    expect(Array.from(v<HTMLSelectElement>(el, `#${key2}-showif`)!.options, (o) => text(o))).to.deep.equal([
      'Siempre (sin condición)',
      'la respuesta a «¿Cómo le pareció el curso?»…',
    ]);
    fill(v(el, `#${key2}-showif`), saved.questions[0]!.id);
    await waitUntil(() => v(el, `#${key2}-showif-equals`), 'no value to choose', WAIT);
    expect(Array.from(v<HTMLSelectElement>(el, `#${key2}-showif-equals`)!.options, (o) => text(o))).to.deep.equal(['Bueno', 'Malo']);
    fill(v(el, `#${key2}-showif-equals`), '"malo"');
    click(v(el, 'button[type="submit"]'));
    await waitUntil(() => text(v(el, '#survey-status')).startsWith('Se guardó la encuesta'), 'never saved', WAIT);
    await expect(el).to.be.accessible();
    saved = await json<Survey>(await fetch(`/api/admin/surveys/${id}`));
    expect(saved.questions[1]).to.deep.include({ type: 'textarea', label: '¿Qué no le gustó?', showIf: { question: saved.questions[0]!.id, equals: 'malo' } });

    // The preview: the citizens' own element with this definition; what is answered there is not sent.
    location.hash = `#/encuesta/${id}/vista-previa`;
    await waitForView(el, 'ecam-admin-survey-preview');
    await waitUntil(() => v(el, 'ecam-survey')?.shadowRoot?.querySelector('form'), 'no preview', WAIT);
    const survey = v(el, 'ecam-survey')!;
    expect(text(survey.shadowRoot!.querySelector('h2'))).to.equal('Encuesta de prueba');
    const radios = Array.from(survey.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    expect(radios).to.have.length(2);
    await expect(el).to.be.accessible();
    // «Malo» shows the question that depends on it, as it will for citizens.
    click(radios[1]!);
    await waitUntil(() => (survey.shadowRoot!.textContent ?? '').includes('¿Qué no le gustó?'), 'the branch never showed', WAIT);
    click(survey.shadowRoot!.querySelector('button[type="submit"]'));
    await waitUntil(() => (survey.shadowRoot!.textContent ?? '').includes('Vista previa: las respuestas no se enviaron'), 'no preview thanks', WAIT);
    expect((await json<Survey>(await fetch(`/api/admin/surveys/${id}`))).responses).to.equal(0);
    await expect(el).to.be.accessible();

    // Deleting the draft asks first.
    location.hash = `#/encuesta/${id}/editar`;
    await waitForView(el, 'ecam-admin-survey-builder');
    await waitUntil(() => v(el, '#delete'), 'no delete button', WAIT);
    click(v(el, '#delete'));
    await waitForFocus(el, '#confirm-delete');
    expect(text(v(el, '#confirm-delete-text'))).to.equal('¿Eliminar el borrador «Encuesta de prueba»? No se puede deshacer.');
    await expect(el).to.be.accessible();
    click(v(el, '#confirm-delete'));
    await waitForView(el, 'ecam-admin-surveys');
    expect((await fetch(`/api/admin/surveys/${id}`)).status).to.equal(404);
  });

  it('builds a survey with the keyboard only: two questions, moved, saved and opened', async () => {
    await apiLogin();
    const el = await openPage('#/encuestas');
    await waitForView(el, 'ecam-admin-surveys');
    await waitUntil(() => v(el, '#new-title'), 'no form', WAIT);
    const slug = `teclado-${unique()}`;
    await tabTo(isId('new-title'), 'the title');
    await type('Encuesta hecha con teclado');
    await sendKeys({ press: 'Tab' });
    await type(slug);
    await sendKeys({ press: 'Enter' });
    await waitForView(el, 'ecam-admin-survey-builder');
    await waitForFocus(el, 'h1');

    // First question: single choice (the default) with two options.
    await pressOn(isId('add-question'), 'Añadir pregunta');
    await waitUntil(() => /^q\d+-type$/.test(deepActive()?.id ?? ''), 'the new question did not get the focus', WAIT);
    const first = deepActive()!.id.replace(/-type$/, '');
    await tabTo(isId(`${first}-label`), 'the first question text');
    await type('¿Qué curso tomó?');
    await tabTo(isId(`${first}-o0-label`), 'the first option');
    await type('Sistemas');
    await tabTo(isId(`${first}-o1-label`), 'the second option');
    await type('Contabilidad');

    // Second question: a rating, chosen in the type list by typing its first letters.
    await pressOn(isId('add-question'), 'Añadir pregunta');
    const onSecond = () => /^q\d+-type$/.test(deepActive()?.id ?? '') && deepActive()!.id !== `${first}-type`;
    await waitUntil(onSecond, 'no focus on the second question', WAIT);
    const second = deepActive()!.id.replace(/-type$/, '');
    await type('Calif');
    await waitUntil(() => v<HTMLSelectElement>(el, `#${second}-type`)!.value === 'rating', 'the type did not change', WAIT);
    await tabTo(isId(`${second}-label`), 'the second question text');
    await type('Califique el curso');
    await tabTo(isId(`${second}-required`), 'Obligatoria');
    await sendKeys({ press: 'Space' });

    // Up it goes: the focus stays with the question (on «Bajar», «Subir» being disabled at the top).
    await pressOn(isId(`${second}-up`), 'Subir la pregunta 2');
    await waitUntil(() => deepActive()?.id === `${second}-down`, 'the focus did not follow the question', WAIT);
    expect(text(v(el, '#survey-status'))).to.equal('La pregunta «Califique el curso» quedó en la posición 1 de 2.');
    expect(vAll(el, 'fieldset.question').map((f) => f.id)).to.deep.equal([second, first]);

    await pressOn(named(/^Guardar$/), 'Guardar');
    await waitUntil(() => text(v(el, '#survey-status')).startsWith('Se guardó la encuesta'), 'never saved', WAIT);
    await expect(el).to.be.accessible();
    await pressOn(named(/^Guardar y abrir$/), 'Guardar y abrir');
    await waitUntil(() => text(v(el, '#survey-status')).startsWith('Se guardó y se abrió'), 'never opened', WAIT);
    await waitForFocus(el, '#survey-status');
    expect(text(v(el, 'h1'))).to.equal('Encuesta: Encuesta hecha con teclado');
    await expect(el).to.be.accessible();

    const list = await json<{ items: SurveyListItem[] }>(await fetch('/api/admin/surveys'));
    const item = list.items.find((s) => s.slug === slug)!;
    expect(item.state).to.equal('open');
    const survey = await json<Survey>(await fetch(`/api/admin/surveys/${item.id}`));
    expect(survey.questions.map((q) => [q.type, q.label, q.required])).to.deep.equal([
      ['rating', 'Califique el curso', true],
      ['single', '¿Qué curso tomó?', false],
    ]);
    // Open now, so the citizens' API serves it.
    const pub = await json<{ status: string; questions: unknown[] }>(await fetch(`/api/surveys/${slug}`));
    expect(pub.status).to.equal('open');
    expect(pub.questions).to.have.length(2);
  });

  it('shows the results of answers sent through the public API: counts, averages, NPS, texts, dates, CSV', async () => {
    const { csrfToken } = await apiLogin();
    const slug = `resultados-${unique()}`;
    const survey = await openSurvey(csrfToken, slug);
    await answerSurvey(slug, {
      servicio: 'curso',
      medios: ['web', 'radio'],
      atencion: 5,
      recomienda: 10,
      volveria: true,
      aspectos: { docente: '3', material: '2' },
      comentario: 'Excelente docente',
    });
    await answerSurvey(slug, { servicio: 'curso', medios: ['web'], atencion: 4, recomienda: 9, volveria: true, comentario: 'El salón era pequeño' });
    await answerSurvey(slug, { servicio: 'tramite', atencion: 2, recomienda: 3, volveria: false });

    const el = await openPage(`#/encuesta/${survey.id}/resultados`);
    await waitForView(el, 'ecam-admin-survey-results');
    await waitUntil(() => vAll(el, 'section').length === QUESTIONS.length, 'the results never appeared', WAIT);
    await expect(el).to.be.accessible();
    expect(text(v(el, 'h1'))).to.equal(`Resultados: Encuesta ${slug}`);
    expect(text(v(el, '[role="status"]'))).to.equal('Resultados cargados: 3 respuestas.');

    const section = (id: string) => v(el, `section[aria-labelledby="h-q-${id}"]`)!;
    const rows = (id: string) => Array.from(section(id).querySelectorAll('tbody tr'), (tr) => Array.from(tr.children, text));
    expect(rows('servicio')).to.deep.equal([
      ['Curso', '2', '66,7 %'],
      ['Trámite', '1', '33,3 %'],
    ]);
    expect(rows('medios')).to.deep.equal([
      ['Sitio web', '2', '100 %'],
      ['Radio', '1', '50 %'],
      ['Amigos', '0', '0 %'],
    ]);
    expect(text(section('atencion'))).to.contain('Promedio: 3,67.');
    // Promoters 2, detractors 1 of 3: 66.7 - 33.3 = 33.3.
    expect(text(section('recomienda'))).to.contain('NPS: 33,3 (promotores, 9 y 10: 2; pasivos, 7 y 8: 0; detractores, 0 a 6: 1)');
    expect(rows('volveria')).to.deep.equal([
      ['Sí', '2', '66,7 %'],
      ['No', '1', '33,3 %'],
    ]);
    expect(rows('aspectos')).to.deep.equal([
      ['Docente', '0 (0 %)', '0 (0 %)', '1 (100 %)'],
      ['Material', '0 (0 %)', '1 (100 %)', '0 (0 %)'],
    ]);
    expect(Array.from(section('comentario').querySelectorAll('li .text'), text)).to.deep.equal(['El salón era pequeño', 'Excelente docente']);

    // A chart per question with options, described and drawn.
    const canvases = vAll(el, 'canvas') as HTMLCanvasElement[];
    const charted = ['servicio', 'medios', 'atencion', 'recomienda', 'volveria', 'aspectos'];
    expect(canvases.map((c) => c.id)).to.deep.equal(charted.map((id) => `chart-${id}`));
    const described = (c: Element) => /Los mismos datos están en la tabla/.test(c.getAttribute('aria-label') ?? '');
    expect(canvases.every((c) => c.getAttribute('role') === 'img' && described(c))).to.equal(true);
    await waitUntil(() => canvases.every((c) => c.width > 0 && c.height > 0), 'the charts were never drawn', WAIT);

    // The CSV of the same responses.
    const link = v<HTMLAnchorElement>(el, 'a[download]')!;
    expect(text(link)).to.equal('Descargar CSV');
    expect(new URL(link.href).pathname).to.equal(`/api/admin/surveys/${survey.id}/responses.csv`);
    const csv = await fetch(link.href);
    expect(csv.status).to.equal(200);
    expect((await csv.text()).trim().split(/\r?\n/)).to.have.length(4);

    // Searching the text answers.
    fill(v(el, '#results-q'), 'salon');
    click(v(el, '#results-form button[type="submit"]'));
    await waitUntil(() => section('comentario').querySelectorAll('li').length === 1, 'the search did not apply', WAIT);
    expect(text(section('comentario').querySelector('li .text'))).to.equal('El salón era pequeño');
    expect(text(section('comentario').querySelector('p.summary'))).to.equal('1 respuesta que contiene «salon», la más reciente primero.');
    await expect(el).to.be.accessible();

    // A date range: a wrong one is said next to its field; one in the future has no answers.
    fill(v(el, '#results-q'), '');
    await submitWrongRange(el, 'results', '#results-form button[type="submit"]', '2099-02-01', '2099-01-01');
    fill(v(el, '#results-to'), '2099-12-31');
    click(v(el, '#results-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '[role="status"]')) === 'Resultados cargados: 0 respuestas.', 'the range did not apply', WAIT);
    expect(new URL(v<HTMLAnchorElement>(el, 'a[download]')!.href).searchParams.get('from')).to.equal('2099-02-01');
    expect(rows('servicio')).to.deep.equal([
      ['Curso', '0', '0 %'],
      ['Trámite', '0', '0 %'],
    ]);
    const api = await json<StaffResults>(await fetch(`/api/admin/surveys/${survey.id}/results?from=2099-02-01&to=2099-12-31`));
    expect(api.total).to.equal(0);
  });

  it('shows an open survey read-only, closes it, duplicates it into a new draft, and makes invitation links', async () => {
    const { csrfToken } = await apiLogin();
    const slug = `identificada-${unique()}`;
    const created = await openSurvey(csrfToken, slug, QUESTIONS.slice(0, 1), { title: 'Encuesta identificada', anonymous: false });
    const el = await openPage(`#/encuesta/${created.id}/editar`);
    await waitForView(el, 'ecam-admin-survey-builder');
    await waitUntil(() => v(el, '#close'), 'no close button', WAIT);
    expect(v(el, '#survey-form')).to.equal(null);
    expect(text(v(el, '.note'))).to.contain('sus preguntas no cambian');

    // Invitations: a wrong count is said next to its field, then links to copy.
    fill(v(el, '#invite-count'), '0');
    click(v(el, '#invite-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '#invite-count-error')), 'no count error', WAIT);
    await waitForFocus(el, '#invite-count');
    fill(v(el, '#invite-count'), '3');
    click(v(el, '#invite-form button[type="submit"]'));
    await waitUntil(() => v(el, '#invite-links'), 'no links', WAIT);
    await waitForFocus(el, '#invite-links');
    const links = v<HTMLTextAreaElement>(el, '#invite-links')!.value.split('\n');
    expect(links).to.have.length(3);
    expect(new Set(links).size).to.equal(3);
    await expect(el).to.be.accessible();

    click(v(el, '#close'));
    await waitUntil(() => text(v(el, '#survey-status')).startsWith('Se cerró la encuesta'), 'never closed', WAIT);
    expect((await fetch(`/api/surveys/${slug}`)).status).to.equal(200);
    expect((await json<{ status: string }>(await fetch(`/api/surveys/${slug}`))).status).to.equal('closed');
    expect(v(el, '#invite-form')).to.equal(null);

    click(v(el, '#duplicate'));
    await waitUntil(() => text(v(el, 'h1')) === 'Editar encuesta: Encuesta identificada (copia)', 'no copy', WAIT);
    expect(v<HTMLInputElement>(el, '#s-slug')!.value).to.equal(`${slug}-copia`);
    expect(vAll(el, 'fieldset.question')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('is there for funcionarios too', async () => {
    const { csrfToken } = await apiLogin();
    const username = `encuestas.${unique()}`;
    const password = 'clave-del-funcionario-1';
    await apiPost(csrfToken, '/api/admin/users', { username, name: 'Funcionario de encuestas', role: 'funcionario', password }, 201);
    await apiLogout();
    await apiLogin(username, password);
    const el: EcamAdmin = await openPage('#/encuestas');
    await waitForView(el, 'ecam-admin-surveys');
    await waitUntil(() => vAll(el, 'tbody tr').length > 0, 'the list never appeared', WAIT);
    expect(Array.from(el.shadowRoot!.querySelectorAll('nav a'), text)).to.deep.equal(['Bandeja', 'Radicar petición verbal', 'Chat', 'Buzón', 'Conversaciones', 'Reportes', 'Avisos', 'Participación', 'Encuestas', 'Insertar en su sitio', 'Mi cuenta']);
  });
});

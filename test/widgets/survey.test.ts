/**
 * <ecam-survey> in real Chromium against the real API (started fresh by web-test-runner.config.mjs
 * and proxied at /api): the seeded `satisfaccion-servicio` survey, and surveys staff create for
 * the other configurations. Every state is checked with axe, then through what a person sees.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { PublicResults, PublicSurvey, Survey, SurveyInput } from '../../api/survey/schemas.ts';
import '../../widgets/survey/survey.ts';
import type { EcamSurvey } from '../../widgets/survey/survey.ts';
import { WAIT, answerSurvey, json, staffCall, text } from './helpers.ts';

const SEEDED = 'satisfaccion-servicio';
const ANSWERED = 'Ya respondió esta encuesta. ¡Gracias por su opinión!';
const DAY = 86_400_000;

// ---- The API ----------------------------------------------------------------------------

let created = 0;

/** Creates a survey as staff and opens it; returns its slug. */
async function openSurvey(input: Partial<SurveyInput> & Pick<SurveyInput, 'questions'>): Promise<string> {
  const slug = `prueba-${Date.now().toString(36)}-${++created}`;
  const survey = await staffCall<Survey>(
    'POST',
    '/api/admin/surveys',
    { slug, title: `Encuesta de prueba ${created}`, description: 'Una encuesta para las pruebas.', resultsPublic: true, ...input },
    201,
  );
  await staffCall('POST', `/api/admin/surveys/${survey.id}/open`, {});
  return slug;
}

/** One question of every type, with branching on the yes/no one. */
const ALL_TYPES: SurveyInput['questions'] = [
  { id: 'curso', type: 'single', label: '¿Qué curso tomó?', required: true, options: [{ value: 'sistemas', label: 'Sistemas' }, { value: 'ingles', label: 'Inglés' }] },
  { id: 'temas', type: 'multiple', label: '¿Qué temas le sirvieron?', required: true, min: 1, max: 2, options: [{ value: 'a', label: 'Hojas de cálculo' }, { value: 'b', label: 'Correo' }, { value: 'c', label: 'Seguridad' }] },
  { id: 'nota', type: 'rating', label: '¿Cómo califica el curso?', required: true },
  { id: 'nps', type: 'nps', label: '¿Recomendaría el curso?', required: true },
  { id: 'repetiria', type: 'yesno', label: '¿Tomaría otro curso?', required: true },
  { id: 'cual', type: 'text', label: '¿Cuál curso le gustaría?', required: true, showIf: { question: 'repetiria', equals: true } },
  { id: 'docente', type: 'matrix', label: 'Sobre el docente', required: true, rows: [{ id: 'claridad', label: 'Claridad' }, { id: 'puntualidad', label: 'Puntualidad' }], options: [{ value: 'mal', label: 'Mal' }, { value: 'bien', label: 'Bien' }] },
  { id: 'comentario', type: 'textarea', label: 'Comentarios', required: false },
];

// ---- The widget --------------------------------------------------------------------------

/** Inside the widget's shadow root, or inside any element of it. */
function q<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return (el.shadowRoot ?? el).querySelector<T>(selector as never) as T | null;
}

function all<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return Array.from((el.shadowRoot ?? el).querySelectorAll<T>(selector as never)) as T[];
}

/** The control labelled `label` inside question `id` (by its visible label, as a person finds it). */
function control(el: EcamSurvey, id: string, label: string, within = `#q-${id}`): HTMLInputElement {
  const labels = all<HTMLLabelElement>(el, `${within} label`);
  const found = labels.find((l) => text(l) === label);
  return (found?.control as HTMLInputElement | null) ?? expect.fail(`no control «${label}» in ${id}`);
}

async function choose(el: EcamSurvey, id: string, label: string, row?: string): Promise<void> {
  control(el, id, label, row ? `#q-${id} fieldset.row:nth-of-type(${row})` : undefined).click();
  await el.updateComplete;
}

async function write(el: EcamSurvey, id: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(el, `#q-${id} input[type="text"], #q-${id} textarea`) ?? expect.fail(`no text box ${id}`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function ready(el: EcamSurvey): Promise<void> {
  await waitUntil(() => !q(el, 'p[role="status"]:not(.visually-hidden)'), 'the survey never loaded', WAIT);
  await el.updateComplete;
}

async function newSurvey(slug = SEEDED, layout?: 'steps'): Promise<EcamSurvey> {
  const el = await fixture<EcamSurvey>(html`<ecam-survey survey=${slug} layout=${layout ?? 'page'}></ecam-survey>`);
  await ready(el);
  return el;
}

function submit(el: EcamSurvey): void {
  q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
}

async function waitForDone(el: EcamSurvey): Promise<string> {
  await waitUntil(() => q(el, '#done-title'), 'no thanks', WAIT);
  return text(q(el, '#done-title'));
}

async function waitForResults(el: EcamSurvey): Promise<void> {
  await waitUntil(() => q(el, '[part="results"]'), 'no results', WAIT);
  await el.updateComplete;
}

/** Answers the seeded survey's required questions (and one optional), by clicking like a person. */
async function answerSeeded(el: EcamSurvey, skip?: 'canal'): Promise<void> {
  await choose(el, 'calificacion', '4');
  await choose(el, 'recomendacion', '9');
  if (skip !== 'canal') await choose(el, 'canal', 'Por teléfono');
  await choose(el, 'resuelto', 'Sí');
  await choose(el, 'mejoras', 'Horarios de atención');
  for (const row of ['1', '2', '3']) await choose(el, 'atencion', 'De acuerdo', row);
}

/** Holds the next `fetch` of a URL ending in `path` until the returned function is called. */
function holdNextFetch(path: string): () => void {
  const real = window.fetch;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  window.fetch = async (input, init) => {
    if (String(input instanceof Request ? input.url : input).endsWith(path)) {
      window.fetch = real;
      await gate;
    }
    return real(input, init);
  };
  return release;
}

beforeEach(() => {
  localStorage.clear();
});

describe('<ecam-survey>', () => {
  it('shows a loading state, then the seeded survey with every control named', async () => {
    const release = holdNextFetch(`/api/surveys/${SEEDED}`);
    const el = await fixture<EcamSurvey>(html`<ecam-survey survey=${SEEDED}></ecam-survey>`);
    expect(text(q(el, '[role="status"]'))).to.equal('Cargando la encuesta…');
    await expect(el).to.be.accessible();
    release();
    await ready(el);
    await expect(el).to.be.accessible();

    expect(text(q(el, 'h2'))).to.equal('Encuesta de satisfacción del servicio');
    // The hidden "motivo" waits for a "No"; seven questions are shown.
    expect(all(el, '[part~="question"]').map((n) => n.id)).to.deep.equal(
      ['calificacion', 'recomendacion', 'canal', 'resuelto', 'mejoras', 'atencion', 'comentarios'].map((id) => `q-${id}`),
    );
    expect(text(q(el, '[part="progress"] label'))).to.equal('Ha respondido 0 de 7 preguntas');
    expect(q<HTMLProgressElement>(el, 'progress')!.max).to.equal(7);
    // Scales: numbers visible, ends explained and tied to the group.
    expect(all(el, '#q-recomendacion input[type="radio"]')).to.have.length(11);
    const nps = q(el, '#q-recomendacion fieldset')!;
    expect(text(el.shadowRoot!.getElementById(nps.getAttribute('aria-describedby')!))).to.equal('0 = nada probable, 10 = muy probable.');
    // The matrix: one fieldset per row, its legend the row, its radios the scale.
    const rows = all(el, '#q-atencion fieldset.row');
    expect(rows.map((r) => text(r.querySelector('legend')))).to.deep.equal(['Amabilidad', 'Claridad de la información', 'Tiempo de respuesta']);
    expect(rows[0]!.querySelectorAll('input[type="radio"]')).to.have.length(5);
    expect(text(q(el, '#q-mejoras .hint'))).to.equal('Elija máximo 2.');
  });

  it('is completed with the keyboard alone, then thanks and shows the public results', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button type="button">Antes</button>
      <ecam-survey survey=${SEEDED}></ecam-survey>
    </div>`);
    const el = wrapper.querySelector('ecam-survey')!;
    await ready(el);
    wrapper.querySelector('button')!.focus();
    const press = async (key: string, times = 1) => {
      for (let i = 0; i < times; i++) await sendKeys({ press: key });
    };
    const focused = () => el.shadowRoot!.activeElement as HTMLInputElement | null;

    await press('Tab'); // calificación, 1
    await press('ArrowRight', 3); // 4
    await press('Tab'); // recomendación, 0
    await press('ArrowRight', 9); // 9
    await press('Tab'); // canal
    await press('Space'); // presencial
    await press('Tab'); // resuelto
    await press('Space'); // Sí
    await press('Tab'); // mejoras: horarios
    await press('Space');
    await press('Tab'); // trámites
    await press('Space');
    await press('Tab', 3); // the last three choices stay unchecked
    for (let row = 0; row < 3; row++) {
      await press('Tab');
      await press('ArrowRight', 3); // De acuerdo
    }
    await press('Tab');
    expect(focused()?.localName).to.equal('textarea');
    await sendKeys({ type: 'Todo muy bien' });
    await press('Tab');
    expect(text(focused())).to.equal('Enviar respuestas');
    expect(text(q(el, '[part="progress"] label'))).to.equal('Ha respondido 7 de 7 preguntas');

    const submitted = oneEvent(el, 'ecam-survey-submitted');
    await press('Enter');
    expect((await submitted).detail).to.deep.equal({ survey: SEEDED });
    expect(await waitForDone(el)).to.equal('¡Gracias por su opinión! Con ella mejoramos nuestros cursos y servicios.');
    await waitForResults(el);
    await expect(el).to.be.accessible();
    expect(localStorage.getItem(`ecam-survey-draft:${SEEDED}`)).to.equal(null);
    // Written answers are never public: those questions are not listed.
    const headings = all(el, '[part="results"] h4').map((h) => text(h));
    expect(headings).to.include('¿Cómo califica la atención recibida?');
    expect(headings).to.not.include('Comentarios adicionales');

    // What was sent is what the keyboard chose: the public results count it.
    const results = await json<PublicResults>(await fetch(`/api/surveys/${SEEDED}/results`, { cache: 'no-cache' }));
    const rating = results.questions.find((r) => r.id === 'calificacion')!;
    expect(rating.options!.find((o) => o.value === 4)!.count).to.be.greaterThan(0);
    const mejoras = results.questions.find((r) => r.id === 'mejoras')!;
    expect(mejoras.options!.filter((o) => o.count > 0).map((o) => o.value)).to.include.members(['horarios', 'tramites']);
  });

  it('restores the answers after a reload, and forgets them once sent', async () => {
    let el = await newSurvey();
    await choose(el, 'calificacion', '2');
    await choose(el, 'canal', 'Por la página web');
    await choose(el, 'mejoras', 'Instalaciones');
    await choose(el, 'atencion', 'Muy de acuerdo', '2');
    await write(el, 'comentarios', 'Faltan sillas');
    el.remove();

    el = await newSurvey();
    expect(control(el, 'calificacion', '2').checked).to.equal(true);
    expect(control(el, 'canal', 'Por la página web').checked).to.equal(true);
    expect(control(el, 'mejoras', 'Instalaciones').checked).to.equal(true);
    expect(control(el, 'atencion', 'Muy de acuerdo', '#q-atencion fieldset.row:nth-of-type(2)').checked).to.equal(true);
    expect(control(el, 'atencion', 'Muy de acuerdo', '#q-atencion fieldset.row:nth-of-type(1)').checked).to.equal(false);
    expect(q<HTMLTextAreaElement>(el, '#q-comentarios textarea')!.value).to.equal('Faltan sillas');
    expect(text(q(el, '[part="progress"] label'))).to.equal('Ha respondido 4 de 7 preguntas');

    await answerSeeded(el);
    submit(el);
    await waitForDone(el);
    expect(localStorage.getItem(`ecam-survey-draft:${SEEDED}`)).to.equal(null);
  });

  it('shows a question only while its condition holds, and never sends a hidden answer', async () => {
    const el = await newSurvey();
    expect(q(el, '#q-motivo')).to.equal(null);
    await choose(el, 'resuelto', 'No');
    expect(q(el, '#q-motivo')).to.not.equal(null);
    expect(text(q(el, '[part="progress"] label'))).to.equal('Ha respondido 1 de 8 preguntas');
    await expect(el).to.be.accessible();
    await write(el, 'motivo', 'Nadie me contestó');
    await choose(el, 'resuelto', 'Sí');
    expect(q(el, '#q-motivo')).to.equal(null);
    // Answering "motivo" while hidden is refused by the server (400): the widget leaves it out.
    await answerSeeded(el);
    submit(el);
    expect(await waitForDone(el)).to.contain('¡Gracias por su opinión!');
  });

  it('offers to try again when the survey cannot be loaded', async () => {
    const el = await fixture<EcamSurvey>(html`<ecam-survey survey=${SEEDED} api-base="http://127.0.0.1:9"></ecam-survey>`);
    await waitUntil(() => text(q(el, '[part="alert"]')), 'no alert', WAIT);
    expect(text(q(el, '[part="alert"]'))).to.contain('No pudimos conectar con el servidor');
    await expect(el).to.be.accessible();
    el.removeAttribute('api-base');
    all<HTMLButtonElement>(el, 'button').find((b) => text(b) === 'Intentar de nuevo')!.click();
    await waitUntil(() => q(el, 'form'), 'the survey never loaded', WAIT);
    expect(text(q(el, 'h2'))).to.equal('Encuesta de satisfacción del servicio');
  });

  it('marks each unanswered question with a summary, and shows the server’s messages per question', async () => {
    const el = await newSurvey();
    submit(el);
    await waitUntil(() => q(el, '[part="error-summary"]'), 'no summary', WAIT);
    await expect(el).to.be.accessible();
    const summary = q(el, '[part="error-summary"]')!;
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(all(summary, 'li')).to.have.length(5);
    expect(text(q(el, '#q-calificacion .error-message'))).to.equal('Error: Responda esta pregunta.');
    expect(text(q(el, '#q-atencion .error-message'))).to.contain('Amabilidad, Claridad de la información, Tiempo de respuesta');
    expect(all<HTMLInputElement>(el, '#q-canal input').every((i) => i.getAttribute('aria-invalid') === 'true')).to.equal(true);
    // A summary link takes the person to the question.
    summary.querySelector('a')!.click();
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'calificacion', '1'));

    // Answering clears a question's message at once.
    await choose(el, 'calificacion', '5');
    expect(q(el, '#q-calificacion .error-message')).to.equal(null);

    // A value the server refuses: an option that no longer exists, restored from an old draft.
    el.remove();
    localStorage.setItem(`ecam-survey-draft:${SEEDED}`, JSON.stringify({ canal: 'fax' }));
    const again = await newSurvey();
    await answerSeeded(again, 'canal');
    submit(again);
    await waitUntil(() => q(again, '#q-canal .error-message'), 'no server message', WAIT);
    expect(text(q(again, '#q-canal .error-message'))).to.contain('elija una de las opciones');
    expect(text(q(again, '[part="error-summary"]'))).to.contain('¿Por qué medio nos contactó?');
    await expect(again).to.be.accessible();
  });

  it('limits a multiple choice to its maximum, and says so', async () => {
    const el = await newSurvey();
    await choose(el, 'mejoras', 'Horarios de atención');
    await choose(el, 'mejoras', 'Instalaciones');
    await choose(el, 'mejoras', 'Oferta de cursos');
    expect(control(el, 'mejoras', 'Oferta de cursos').checked).to.equal(false);
    expect(text(q(el, '#q-mejoras .error-message'))).to.contain('Puede elegir máximo 2');
    await choose(el, 'mejoras', 'Instalaciones');
    expect(q(el, '#q-mejoras .error-message')).to.equal(null);
    await choose(el, 'mejoras', 'Oferta de cursos');
    expect(control(el, 'mejoras', 'Oferta de cursos').checked).to.equal(true);
  });

  it('keeps the answers when the server cannot be reached', async () => {
    const el = await newSurvey();
    await answerSeeded(el);
    el.apiBase = 'http://127.0.0.1:9';
    submit(el);
    await waitUntil(() => text(q(el, '[part="alert"]')), 'no alert', WAIT);
    expect(text(q(el, '[part="alert"]'))).to.contain('Sus respuestas siguen en el formulario');
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '[part="alert"]'));
    await expect(el).to.be.accessible();
    expect(control(el, 'canal', 'Por teléfono').checked).to.equal(true);
    expect(JSON.parse(localStorage.getItem(`ecam-survey-draft:${SEEDED}`)!).canal).to.equal('telefono');

    el.apiBase = undefined;
    submit(el);
    expect(await waitForDone(el)).to.contain('¡Gracias');
  });

  it('says a second answer was already given, from this browser or by the server', async () => {
    const el = await newSurvey();
    await answerSeeded(el);
    submit(el);
    await waitForDone(el);
    el.remove();

    // Next visit: remembered in this browser.
    let again = await newSurvey();
    expect(text(q(again, '[part="thanks"]'))).to.equal(ANSWERED);
    await waitForResults(again);
    await expect(again).to.be.accessible();
    again.remove();

    // The reminder is gone but the token stays: the server refuses the second answer (409).
    localStorage.removeItem(`ecam-survey-done:${SEEDED}`);
    again = await newSurvey();
    expect(q(again, 'form')).to.not.equal(null);
    await answerSeeded(again);
    submit(again);
    expect(await waitForDone(again)).to.equal(ANSWERED);
    await waitForResults(again);
    await expect(again).to.be.accessible();
  });

  it('renders the public results with the right numbers', async () => {
    const slug = await openSurvey({
      questions: [
        { id: 'sede', type: 'single', label: '¿En qué sede estudió?', required: true, options: [{ value: 'centro', label: 'Centro' }, { value: 'norte', label: 'Norte' }, { value: 'sur', label: 'Sur' }] },
        { id: 'nota', type: 'rating', label: 'Califique la sede', required: true },
        { id: 'matriz', type: 'matrix', label: 'La sede', required: true, rows: [{ id: 'aseo', label: 'Aseo' }], options: [{ value: 'si', label: 'Bien' }, { value: 'no', label: 'Mal' }] },
      ],
    });
    await answerSurvey(slug, { sede: 'centro', nota: 5, matriz: { aseo: 'si' } });
    await answerSurvey(slug, { sede: 'centro', nota: 3, matriz: { aseo: 'si' } });
    await answerSurvey(slug, { sede: 'norte', nota: 3, matriz: { aseo: 'no' } });

    const el = await newSurvey(slug);
    await choose(el, 'sede', 'Norte');
    await choose(el, 'nota', '5');
    await choose(el, 'matriz', 'Bien', '1');
    submit(el);
    await waitForResults(el);
    await expect(el).to.be.accessible();

    const results = q(el, '[part="results"]')!;
    expect(text(results.querySelector('p'))).to.equal('4 personas han respondido.');
    const [sede, nota, matriz] = all(results, 'section');
    const rows = (s: Element | undefined) => Array.from(s!.querySelectorAll('li'), (li) => text(li));
    // Each option: its name, then count and percentage as text (the bar only repeats it).
    expect(rows(sede)).to.deep.equal(['Centro 2 (50 %)', 'Norte 2 (50 %)', 'Sur 0 (0 %)']);
    expect(text(nota!.querySelector('h4'))).to.equal('Califique la sede');
    expect(text(nota)).to.contain('Promedio: 4');
    expect(rows(nota)).to.include.members(['3 2 (50 %)', '5 2 (50 %)', '1 0 (0 %)']);
    expect(text(matriz)).to.contain('Aseo');
    expect(rows(matriz)).to.deep.equal(['Bien 3 (75 %)', 'Mal 1 (25 %)']);
    const bar = results.querySelector<HTMLElement>('[part="bar"] span')!;
    expect(bar.style.width).to.equal('50%');
    expect(bar.parentElement!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('checks axe on every question type, on one page and one per screen', async () => {
    const slug = await openSurvey({ questions: ALL_TYPES, resultsPublic: false });
    const page = await newSurvey(slug);
    await choose(page, 'repetiria', 'Sí');
    expect(all(page, '[part~="question"]')).to.have.length(8);
    expect(q(page, '#q-cual input')).to.not.equal(null);
    await expect(page).to.be.accessible();
    page.remove();
    localStorage.clear();

    const el = await newSurvey(slug, 'steps');
    const label = () => text(q(el, '[part="progress"] label'));
    expect(label()).to.equal('Pregunta 1 de 7');
    expect(all(el, '[part~="question"]')).to.have.length(1);
    // Required is checked before moving on.
    submit(el);
    await waitUntil(() => q(el, '#q-curso .error-message'), 'no error', WAIT);
    expect(label()).to.equal('Pregunta 1 de 7');
    await expect(el).to.be.accessible();

    const steps: [string, () => Promise<void>][] = [
      ['curso', () => choose(el, 'curso', 'Inglés')],
      ['temas', () => choose(el, 'temas', 'Correo')],
      ['nota', () => choose(el, 'nota', '4')],
      ['nps', () => choose(el, 'nps', '10')],
      ['repetiria', () => choose(el, 'repetiria', 'Sí')],
      ['cual', () => write(el, 'cual', 'Contabilidad')],
      ['docente', async () => {
        await choose(el, 'docente', 'Bien', '1');
        await choose(el, 'docente', 'Mal', '2');
      }],
      ['comentario', () => write(el, 'comentario', 'Gracias')],
    ];
    for (const [i, [id, act]] of steps.entries()) {
      expect(q(el, `#q-${id}`), id).to.not.equal(null);
      await act();
      await expect(el).to.be.accessible();
      expect(label()).to.equal(`Pregunta ${i + 1} de ${i >= 4 ? 8 : 7}`);
      if (i < steps.length - 1) {
        submit(el); // Siguiente
        await el.updateComplete;
      }
    }
    // Back and forth keeps what was chosen.
    const back = all<HTMLButtonElement>(el, 'button').find((b) => text(b) === 'Anterior')!;
    back.click();
    await el.updateComplete;
    expect(label()).to.equal('Pregunta 7 de 8');
    expect(control(el, 'docente', 'Mal', '#q-docente fieldset.row:nth-of-type(2)').checked).to.equal(true);
    submit(el);
    await el.updateComplete;
    expect(text(q(el, 'button[type="submit"]'))).to.equal('Enviar respuestas');
    submit(el);
    expect(await waitForDone(el)).to.equal('¡Gracias por su opinión! Nos ayuda a mejorar.');
    await expect(el).to.be.accessible();
    expect(q(el, '[part="results"]')).to.equal(null);
  });

  it('previews a definition given by staff without asking or telling the API anything', async () => {
    const definition: PublicSurvey = {
      slug: 'borrador-sin-publicar',
      title: 'Borrador',
      description: '',
      status: 'open',
      opensAt: null,
      closesAt: null,
      anonymous: true,
      resultsPublic: true,
      thankYou: 'Gracias (vista previa).',
      questions: ALL_TYPES.slice(0, 3),
    };
    const el = await fixture<EcamSurvey>(html`<ecam-survey .definition=${definition} layout="steps"></ecam-survey>`);
    expect(text(q(el, 'h2'))).to.equal('Borrador');
    expect(text(q(el, '[part="progress"] label'))).to.equal('Pregunta 1 de 3');
    await expect(el).to.be.accessible();
    await choose(el, 'curso', 'Sistemas');
    submit(el);
    await el.updateComplete;
    await choose(el, 'temas', 'Correo');
    submit(el);
    await el.updateComplete;
    await choose(el, 'nota', '5');
    submit(el);
    // The slug does not exist on the server: a request would have ended in "not found".
    expect(await waitForDone(el)).to.equal('Gracias (vista previa).');
    expect(text(q(el, '.hint'))).to.contain('Vista previa');
    expect(q(el, '[part="results"]')).to.equal(null);
    expect(localStorage.length).to.equal(0);
  });

  it('says when a survey is not open yet, closed, or does not exist', async () => {
    const now = Date.now();
    const later = await openSurvey({ questions: ALL_TYPES.slice(0, 1), opensAt: new Date(now + DAY).toISOString() });
    const scheduled = await newSurvey(later);
    expect(text(q(scheduled, '[part="status"]'))).to.match(/^Esta encuesta abre el .+\.$/);
    expect(q(scheduled, 'form')).to.equal(null);
    await expect(scheduled).to.be.accessible();

    const soon = await openSurvey({ questions: ALL_TYPES.slice(0, 1), closesAt: new Date(now + DAY).toISOString() });
    await answerSurvey(soon, { curso: 'ingles' });
    await executeServerCommand('ecam-clock', { days: 2 });
    try {
      const closed = await newSurvey(soon);
      expect(text(q(closed, '[part="status"]'))).to.match(/^Esta encuesta cerró el .+\. Gracias por su interés\.$/);
      expect(q(closed, 'form')).to.equal(null);
      // Public results stay readable after closing.
      await waitForResults(closed);
      expect(text(q(closed, '[part="results"] li'))).to.equal('Sistemas 0 (0 %)');
      await expect(closed).to.be.accessible();
    } finally {
      await executeServerCommand('ecam-clock', { days: 0 });
    }

    const missing = await newSurvey('no-existe-esta-encuesta');
    expect(text(q(missing, '[part="status"]'))).to.contain('No encontramos esta encuesta');
    await expect(missing).to.be.accessible();
  });

  it('sends the invitation of an identified survey, read from the page address', async () => {
    const slug = await openSurvey({ questions: ALL_TYPES.slice(0, 1), anonymous: false });
    const id = (await staffCall<{ items: { id: number; slug: string }[] }>('GET', '/api/admin/surveys')).items.find((s) => s.slug === slug)!.id;
    const { links } = await staffCall<{ links: string[] }>('POST', `/api/admin/surveys/${id}/invitations`, { count: 1 }, 201);
    const url = new URL(links[0]!, location.href);
    const code = url.searchParams.get('invitacion') ?? new URLSearchParams(url.hash.slice(1)).get('invitacion');
    expect(code).to.be.a('string');

    const original = location.href;
    // Without the link the survey explains how to answer it.
    let el = await newSurvey(slug);
    expect(text(q(el, '.notice'))).to.contain('enlace de invitación');
    el.remove();
    history.replaceState(null, '', `${location.pathname}#invitacion=${code}`);
    try {
      el = await newSurvey(slug);
      expect(q(el, '.notice')).to.equal(null);
      await choose(el, 'curso', 'Sistemas');
      submit(el);
      expect(await waitForDone(el)).to.contain('¡Gracias');
    } finally {
      history.replaceState(null, '', original);
    }
  });
});

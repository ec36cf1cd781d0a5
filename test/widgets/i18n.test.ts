/**
 * The citizen widgets in English, in real Chromium against the real API: chosen by the element's
 * `lang`, an ancestor's, or `<html lang>`; texts, dates and numbers in English; axe on each
 * state; a language change at runtime re-renders. (Spanish is what every other widget test sees.)
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ChallengeResponse } from '../../api/challenge/routes.ts';
import type { PqrsCreated } from '../../api/pqrs/schemas.ts';
import { solveChallenge } from '../../widgets/shared/pow.ts';
import '../../widgets/pqrs/pqrs.ts';
import '../../widgets/survey/survey.ts';
import '../../widgets/tracker/tracker.ts';
import type { EcamPqrs } from '../../widgets/pqrs/pqrs.ts';
import type { EcamSurvey } from '../../widgets/survey/survey.ts';
import type { EcamTracker } from '../../widgets/tracker/tracker.ts';
import { WAIT, json, text } from './helpers.ts';

/** An English long date such as "Tuesday, December 29, 2026". */
const ENGLISH_DATE = /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/;
/** An English date and time such as "December 4, 2026 at 3:00 PM". */
const ENGLISH_DATE_TIME = /(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4} at \d{1,2}:\d{2}\s?(AM|PM)/;

function q<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector as never) as T | null;
}

function all(el: Element, selector: string): string[] {
  return Array.from(el.shadowRoot!.querySelectorAll(selector)).map((n) => text(n));
}

async function type(el: EcamPqrs | EcamTracker, name: string, value: string): Promise<void> {
  const control = q<HTMLInputElement>(el, `[name="${name}"]`)!;
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function choose(el: EcamPqrs, name: string, value: string): Promise<void> {
  q<HTMLInputElement>(el, `[name="${name}"][value="${value}"]`)!.click();
  await el.updateComplete;
}

/** Files a request through the public API, solving the proof of work as the form does. */
async function fileRequest(): Promise<PqrsCreated> {
  const c = await json<ChallengeResponse>(await fetch('/api/challenge'));
  const altcha = c.enabled ? await solveChallenge({ ...c, maxnumber: c.maxnumber ?? 1_000_000 }) : undefined;
  const body = {
    type: 'queja',
    subject: 'Atención en la ventanilla',
    description: 'El funcionario de la ventanilla no me atendió durante la hora de servicio al público.',
    responseChannel: 'online',
    consent: true,
    requester: { kind: 'anonimo' },
    ...(altcha ? { altcha } : {}),
  };
  const res = await fetch('/api/pqrs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return json<PqrsCreated>(res, 201);
}

afterEach(() => {
  document.documentElement.lang = 'es';
  localStorage.clear();
});

describe('<ecam-pqrs> in English', () => {
  it('speaks English with lang="en": labels, checks, due date and acknowledgement', async () => {
    const el = await fixture<EcamPqrs>(html`<ecam-pqrs lang="en"></ecam-pqrs>`);
    await expect(el).to.be.accessible();
    expect(q(el, 'form')!.getAttribute('aria-label')).to.equal('Request form (PQRSD)');
    expect(text(q(el, 'fieldset legend'))).to.equal('Who is making the request?');
    expect(all(el, '[name="requester.kind"] + label')).to.deep.equal(['Individual', 'Legal entity (company or organisation)', 'Child or adolescent', 'Anonymous']);
    expect(text(q(el, 'label[for="f-requester-email"]'))).to.equal('Email (optional)');
    expect(text(q(el, 'label[for="f-type-queja"]'))).to.equal('Complaint');
    expect(text(q(el, '#f-type-queja-hint'))).to.equal('Dissatisfaction with the conduct of a public servant. Time limit: 15 business days');
    expect(text(q(el, 'button[type="submit"]'))).to.equal('Send request');

    // The browser's checks, in English, with the summary linking to each field.
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => q(el, '.summary'), 'no error summary', WAIT);
    await expect(el).to.be.accessible();
    expect(text(q(el, '#summary-title'))).to.equal('Please check these before sending:');
    expect(text(q(el, '#f-type-error'))).to.equal('Error: Type of request: choose an option.');
    expect(text(q(el, '#f-subject-error'))).to.equal('Error: Subject: this field is required.');
    expect(text(q(el, '#f-consent-error'))).to.equal('Error: Data consent: tick the box to allow the processing of your personal data.');

    // The due date for the chosen type, as an English date.
    await choose(el, 'type', 'peticion');
    await waitUntil(() => text(q(el, '[part="deadline"]')), 'no due date', WAIT);
    expect(text(q(el, '[part="deadline"]'))).to.match(new RegExp(`^If you file today, the answer is due on ${ENGLISH_DATE.source}\\.$`));

    // Filed anonymously: the acknowledgement with English dates.
    await choose(el, 'requester.kind', 'anonimo');
    expect(text(q(el, '[part="note"]'))).to.match(/^You can file without identifying yourself\./);
    await type(el, 'subject', 'Horario de la biblioteca');
    await type(el, 'description', 'Solicito que la biblioteca abra también los sábados por la mañana.');
    q<HTMLInputElement>(el, '[name="consent"]')!.click();
    await el.updateComplete;
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => q(el, '#done-title'), 'no acknowledgement', WAIT);
    await expect(el).to.be.accessible();
    expect(text(q(el, '#done-title'))).to.equal('Your request has been filed');
    const details = all(el, 'dd');
    expect(details[1]).to.equal('Petition');
    expect(details[2]).to.match(ENGLISH_DATE_TIME);
    expect(details[3]).to.match(new RegExp(`^${ENGLISH_DATE.source} \\(15 business days\\)$`));
    expect(text(q(el, '[part~="copy-button"]'))).to.equal('Copy filing number and code');
  });

  it('follows <html lang="en"> without an attribute, and an ancestor\'s lang', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<EcamPqrs>(html`<ecam-pqrs></ecam-pqrs>`);
    await expect(el).to.be.accessible();
    expect(text(q(el, 'button[type="submit"]'))).to.equal('Send request');
    expect(text(q(el, 'p.hint'))).to.equal('All fields are required, except those marked (optional).');

    document.documentElement.lang = 'es';
    const inside = await fixture<HTMLDivElement>(html`<div lang="en-GB"><ecam-pqrs></ecam-pqrs></div>`);
    const nested = inside.querySelector('ecam-pqrs')!;
    await nested.updateComplete;
    expect(text(q(nested, 'button[type="submit"]'))).to.equal('Send request');
  });

  it('re-renders when the language changes at runtime, keeping what was typed', async () => {
    const el = await fixture<EcamPqrs>(html`<ecam-pqrs></ecam-pqrs>`);
    expect(text(q(el, 'button[type="submit"]'))).to.equal('Enviar solicitud');
    await type(el, 'subject', 'Alumbrado público');

    document.documentElement.lang = 'en';
    await waitUntil(() => text(q(el, 'button[type="submit"]')) === 'Send request', 'no English after <html lang="en">', WAIT);
    await expect(el).to.be.accessible();
    expect(q<HTMLInputElement>(el, '[name="subject"]')!.value).to.equal('Alumbrado público');

    // The element's own attribute wins over the page's.
    el.lang = 'es';
    await waitUntil(() => text(q(el, 'button[type="submit"]')) === 'Enviar solicitud', 'no Spanish after lang="es"', WAIT);
    el.removeAttribute('lang');
    await waitUntil(() => text(q(el, 'button[type="submit"]')) === 'Send request', 'no English after removing lang', WAIT);
  });
});

describe('<ecam-tracker> in English', () => {
  it('looks a request up in English, with English states and dates', async () => {
    const filed = await fileRequest();
    const el = await fixture<EcamTracker>(html`<ecam-tracker lang="en"></ecam-tracker>`);
    await expect(el).to.be.accessible();
    expect(q(el, 'form')!.getAttribute('aria-label')).to.equal('Check the status of a request');
    expect(text(q(el, 'label[for="t-code"]'))).to.equal('Tracking code');
    expect(text(q(el, 'button[type="submit"]'))).to.equal('Look up');

    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => q(el, '#t-radicado-error'), 'no field errors', WAIT);
    await expect(el).to.be.accessible();
    expect(text(q(el, '#t-radicado-error'))).to.equal('Error: Filing number: this field is required.');

    await type(el, 'radicado', filed.radicado);
    await type(el, 'code', 'AAAA-BBBB-CCCC');
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => text(q(el, 'form [role="alert"]')), 'no alert', WAIT);
    expect(text(q(el, 'form [role="alert"]'))).to.equal('We could not find a request with that filing number and code. Please check both.');

    await type(el, 'code', filed.trackingCode);
    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => q(el, '#status-title'), 'no status', WAIT);
    await expect(el).to.be.accessible();
    expect(text(q(el, '#status-title'))).to.equal(`Status of request ${filed.radicado}`);
    expect(text(q(el, '.state-label'))).to.equal('Status: Filed');
    expect(all(el, 'dt')).to.include.members(['Filing number', 'Type of request', 'Date and time received', 'Answer due by']);
    expect(all(el, 'dd')[1]).to.equal('Complaint');
    expect(all(el, 'dd')[2]).to.match(ENGLISH_DATE_TIME);
    expect(text(q(el, '[part="days-left"]'))).to.match(/^\d+ business days? left$/);
    expect(all(el, '.event-label')).to.deep.equal(['Filed']);
    expect(all(el, '.event-when')[0]).to.match(ENGLISH_DATE_TIME);

    document.documentElement.lang = 'es';
    el.removeAttribute('lang');
    await waitUntil(() => text(q(el, '.state-label')) === 'Estado: Radicada', 'no Spanish after removing lang', WAIT);
  });
});

describe('<ecam-survey> in English', () => {
  it('shows the progress, hints and checks in English around the entity\'s own questions', async () => {
    const el = await fixture<EcamSurvey>(html`<ecam-survey lang="en" survey="satisfaccion-servicio"></ecam-survey>`);
    await waitUntil(() => q(el, 'form'), 'the survey never loaded', WAIT);
    await expect(el).to.be.accessible();
    expect(text(q(el, '[part="progress"] label'))).to.equal('You have answered 0 of 7 questions');
    expect(text(q(el, '#q-recomendacion .hint'))).to.equal('0 = not at all likely, 10 = very likely.');
    expect(text(q(el, '#q-mejoras .hint'))).to.equal('Choose at most 2.');
    expect(text(q(el, '#q-resuelto legend'))).to.equal('Question 4: ¿Se resolvió su solicitud?');
    expect(all(el, '#q-resuelto label')).to.deep.equal(['Yes', 'No']);
    expect(text(q(el, 'button[type="submit"]'))).to.equal('Send answers');

    q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await waitUntil(() => q(el, '.summary'), 'no error summary', WAIT);
    await expect(el).to.be.accessible();
    expect(text(q(el, '#summary-title'))).to.equal('Please check these answers before sending:');
    expect(text(q(el, '#q-calificacion .error-message'))).to.equal('Error: Please answer this question.');
  });

  it('says in English that the server cannot be reached, with a way to try again', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<EcamSurvey>(html`<ecam-survey api-base="http://127.0.0.1:9" survey="satisfaccion-servicio"></ecam-survey>`);
    await waitUntil(() => q(el, '[role="alert"]'), 'no alert', WAIT);
    await expect(el).to.be.accessible();
    expect(text(q(el, '[role="alert"]'))).to.equal('We could not reach the server. Check your internet connection and try again.');
    expect(text(q(el, 'button'))).to.equal('Try again');
  });
});

/**
 * The staff page in English: the ES/EN switch in its header sets `<html lang>` and is remembered;
 * every main view then speaks English (dates too) and passes axe. Real Chromium, real API.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ChallengeResponse } from '../../api/challenge/routes.ts';
import type { PqrsCreated } from '../../api/pqrs/schemas.ts';
import type { EcamAdmin } from '../../widgets/admin/admin.ts';
import { solveChallenge } from '../../widgets/shared/pow.ts';
import { WAIT, apiLogin, apiLogout, click, json, openPage, text, v, vAll, waitForView } from './admin-page.ts';

/** An English date and time such as "December 4, 2026 at 3:00 PM". */
const ENGLISH_DATE_TIME = /(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4} at \d{1,2}:\d{2}\s?(AM|PM)/;

async function fileRequest(): Promise<PqrsCreated> {
  const c = await json<ChallengeResponse>(await fetch('/api/challenge'));
  const altcha = c.enabled ? await solveChallenge({ ...c, maxnumber: c.maxnumber ?? 1_000_000 }) : undefined;
  const body = {
    type: 'reclamo',
    subject: 'Cobro repetido del certificado',
    description: 'Me cobraron dos veces el certificado laboral que pedí en la ventanilla el mes pasado.',
    responseChannel: 'online',
    consent: true,
    requester: { kind: 'natural', documentType: 'CC', documentNumber: '52123456', name: 'Lucía Gómez' },
    ...(altcha ? { altcha } : {}),
  };
  const res = await fetch('/api/pqrs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return json<PqrsCreated>(res, 201);
}

function langButton(el: EcamAdmin, lang: 'es' | 'en'): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>(`header .lang button[lang="${lang}"]`)!;
}

/** Opens `hash` in the page and waits for the view `tag` with the heading `h1`; then axe. */
async function visit(el: EcamAdmin, hash: string, tag: string, h1: string | RegExp): Promise<void> {
  location.hash = hash;
  await waitForView(el, tag);
  await waitUntil(() => (typeof h1 === 'string' ? text(v(el, 'h1')) === h1 : h1.test(text(v(el, 'h1')))), `${hash}: no heading ${h1}`, WAIT);
  await waitUntil(() => !vAll(el, '[role="status"]').some((s) => /Loading/.test(text(s))), `${hash} never finished loading`, WAIT);
  await expect(el).to.be.accessible();
}

afterEach(async () => {
  localStorage.removeItem('ecam-admin-lang');
  document.documentElement.lang = 'es';
  await apiLogout();
});

describe('<ecam-admin> in English', () => {
  it('shows the sign-in page in English when the page says <html lang="en">', async () => {
    await apiLogout();
    document.documentElement.lang = 'en';
    const el = await openPage('#/bandeja');
    await waitForView(el, 'ecam-admin-login');
    await expect(el).to.be.accessible();
    expect(text(v(el, 'h1'))).to.equal('Staff sign-in');
    expect(text(v(el, 'label[for="login-password"]'))).to.equal('Password');
    click(v(el, 'button[type="submit"]'));
    await waitUntil(() => text(v(el, '#login-username-error')), 'no field error', WAIT);
    expect(text(v(el, '#login-username-error'))).to.equal('Error: Username: this field is required.');
    expect(text(v(el, 'form [role="alert"]'))).to.equal('Enter your username and password.');
    await expect(el).to.be.accessible();
    expect(document.title).to.equal('Sign in · Administration · ECAM Participa');
  });

  it('switches to English from its header, remembers it, and every main view speaks English', async () => {
    const filed = await fileRequest();
    await apiLogin();
    const el = await openPage('#/bandeja');
    await waitForView(el, 'ecam-admin-inbox');
    expect(text(v(el, 'h1'))).to.equal('Bandeja de solicitudes');
    expect(langButton(el, 'es').getAttribute('aria-pressed')).to.equal('true');

    click(langButton(el, 'en'));
    await waitUntil(() => text(v(el, 'h1')) === 'Request inbox', 'the inbox never said it in English', WAIT);
    expect(document.documentElement.lang).to.equal('en');
    expect(localStorage.getItem('ecam-admin-lang')).to.equal('en');
    expect(langButton(el, 'en').getAttribute('aria-pressed')).to.equal('true');
    expect(Array.from(el.shadowRoot!.querySelectorAll('nav a'), (a) => text(a))).to.include.members(['Inbox', 'Reports', 'Surveys', 'Audit', 'Settings', 'Users', 'My account']);
    expect(text(el.shadowRoot!.querySelector('header'))).to.contain('Signed in as Administrador (Administrator)');
    expect(document.title).to.equal('Request inbox · Administration · ECAM Participa');
    await expect(el).to.be.accessible();
    await waitUntil(() => vAll(el, 'tbody tr').some((r) => text(r).includes(filed.radicado)), 'the request is not in the inbox', WAIT);
    const row = vAll(el, 'tbody tr').find((r) => text(r).includes(filed.radicado))!;
    expect(text(row.querySelector('td:nth-of-type(3)'))).to.equal('Claim');
    expect(text(row.querySelector('td:nth-of-type(4)'))).to.equal('Web form');
    expect(text(row.querySelector('td:nth-of-type(5)'))).to.equal('Filed');

    // One request: its summary, dates, requester and actions in English.
    await visit(el, `#/solicitud/${filed.radicado}`, 'ecam-admin-request', `Request ${filed.radicado}`);
    const details = vAll(el, 'dl dt').map((dt) => text(dt));
    expect(details).to.include.members(['Status', 'Type', 'Received', 'Due date', 'Assignee', 'How to reply', 'Requester', 'ID document']);
    const received = vAll(el, 'dl dt').find((dt) => text(dt) === 'Received')!.nextElementSibling;
    expect(text(received)).to.match(ENGLISH_DATE_TIME);
    expect(vAll(el, 'h3').map((h) => text(h))).to.include('Reply to the citizen');

    await visit(el, '#/encuestas', 'ecam-admin-surveys', 'Surveys');
    expect(vAll(el, 'tbody td').map((td) => text(td))).to.include('Open');
    await visit(el, '#/auditoria', 'ecam-admin-audit', 'Audit log');
    expect(vAll(el, 'tbody td').map((td) => text(td))).to.include('Sign-in');
    await visit(el, '#/ajustes', 'ecam-admin-settings', 'Settings');
    await visit(el, '#/usuarios', 'ecam-admin-users', 'Users');
    await visit(el, '#/cuenta', 'ecam-admin-account', 'My account');

    // A new visit starts in the language chosen last time.
    el.remove();
    document.documentElement.lang = 'es';
    const again = await openPage('#/cuenta');
    await waitForView(again, 'ecam-admin-account');
    expect(document.documentElement.lang).to.equal('en');
    expect(text(v(again, 'h1'))).to.equal('My account');

    click(langButton(again, 'es'));
    await waitUntil(() => text(v(again, 'h1')) === 'Mi cuenta', 'no Spanish after the switch', WAIT);
    expect(localStorage.getItem('ecam-admin-lang')).to.equal('es');

    // The report, back in English: its table, chart and figures.
    click(langButton(again, 'en'));
    location.hash = '#/reportes';
    await waitForView(again, 'ecam-admin-reports');
    await waitUntil(() => v(again, 'tbody th'), 'no report table', WAIT);
    expect(text(v(again, 'h1'))).to.equal('PQRSD report');
    expect(vAll(again, 'tbody th').map((th) => text(th))).to.include('Claim');
    expect(v(again, 'canvas')?.getAttribute('aria-label')).to.match(/^Stacked bar chart/);
    await expect(again).to.be.accessible();
  });
});

/**
 * <ecam-agenda> in real Chromium against the real API (web-test-runner.config.mjs, proxied at
 * /api): the sample plan of migration 012 plus events staff create through the admin API; the
 * list (upcoming, past, filtered, empty), the month table and its keyboard use, the calendar
 * links, the JSON-LD it writes in the light DOM, errors and English, each state with axe.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdminEvent } from '../../api/events/schemas.ts';
import type { PublicSettings } from '../../api/settings/schemas.ts';
import '../../widgets/events/agenda.ts';
import type { EcamAgenda } from '../../widgets/events/agenda.ts';
import { bogotaDate } from '../../widgets/shared/format.ts';
import { click, deepActive, fill, tabTo } from './admin-page.ts';
import { WAIT, json, staffCall, text } from './helpers.ts';

const DAY = 86_400_000;
const URL_TEMPLATE = '/participe/evento.html?evento={slug}';

function local(days: number, hour: number): string {
  return `${bogotaDate(new Date(Date.now() + days * DAY).toISOString())}T${String(hour).padStart(2, '0')}:00`;
}

const q = <T extends Element = HTMLElement>(el: EcamAgenda, s: string) => el.shadowRoot!.querySelector<T>(s as never) as T | null;
const qa = (el: EcamAgenda, s: string) => Array.from(el.shadowRoot!.querySelectorAll(s));

/** The agenda once it has said how many events it shows. */
async function loaded(el: EcamAgenda): Promise<void> {
  await waitUntil(() => /evento|No hay|event/i.test(text(q(el, '[part~="status"]'))) && !text(q(el, '[part~="status"]')).startsWith('Cargando'), 'the agenda never loaded', WAIT);
  await el.updateComplete;
}

let cancelled: AdminEvent;
let online: AdminEvent;

before(async () => {
  // A cancelled event and an online-only one next week, for the JSON-LD.
  const make = async (body: Record<string, unknown>) => {
    const e = await staffCall<AdminEvent>('POST', '/api/admin/events', { kind: 'capacitacion', startsAt: local(7, 9), endsAt: local(7, 11), ...body }, 201);
    return staffCall<AdminEvent>('POST', `/api/admin/events/${e.id}/publish`);
  };
  cancelled = await make({ title: 'Taller cancelado de la agenda', place: 'Sala 3' });
  await staffCall('POST', `/api/admin/events/${cancelled.id}/cancel`);
  online = await make({ title: 'Taller en línea de la agenda', onlineUrl: 'https://meet.example.org/taller', summary: 'Por videollamada </script><b>x</b>' });
});

describe('<ecam-agenda>', () => {
  it('lists the upcoming events with links to their pages and their .ics (axe while loading and loaded)', async () => {
    const el = await fixture<EcamAgenda>(html`<ecam-agenda view="list" event-url=${URL_TEMPLATE}></ecam-agenda>`);
    expect(text(q(el, '[part~="status"]'))).to.equal('Cargando…');
    await expect(el).to.be.accessible();
    await loaded(el);
    expect(text(q(el, '[part~="status"]'))).to.match(/^\d+ eventos próximos\.$/);
    const titles = qa(el, '[part~="event"] h3').map(text);
    expect(titles).to.include('Audiencia pública de rendición de cuentas');
    expect(titles).to.include('Inscripciones a los cursos del periodo');
    expect(titles).not.to.include('Feria de servicio al ciudadano');
    expect(titles).not.to.include('Capacitación en datos abiertos para la ciudadanía'); // a draft
    const rendicion = qa(el, '[part~="event"]').find((a) => text(a.querySelector('h3')) === 'Audiencia pública de rendición de cuentas')!;
    const slug = rendicion.querySelector('h3 a')!.getAttribute('href')!.split('evento=')[1]!;
    expect(slug).to.match(/^rendicion-de-cuentas-\d{4}$/);
    expect(rendicion.querySelector(`a[href$="/api/events/${slug}.ics"]`)).to.not.equal(null);
    expect(text(rendicion)).to.contain('Inscripciones abiertas: quedan');
    const cancelledItem = qa(el, '[part~="event"]').find((a) => text(a.querySelector('h3')) === cancelled.title)!;
    expect(text(cancelledItem.querySelector('.badge.cancelled'))).to.equal('Cancelado');
    await expect(el).to.be.accessible();
  });

  it('filters by kind, shows the past events, and says when there is nothing (axe)', async () => {
    const el = await fixture<EcamAgenda>(html`<ecam-agenda view="list"></ecam-agenda>`);
    await loaded(el);
    fill(q<HTMLSelectElement>(el, '#kind'), 'foro');
    // Other test files add forums to the same database: only forums remain, the seeded one among them.
    await waitUntil(() => !qa(el, '[part~="event"] h3').map(text).includes('Audiencia pública de rendición de cuentas'), 'the filter did nothing', WAIT);
    expect(qa(el, '[part~="event"] h3').map(text)).to.include('Foro con egresados y empleadores');
    expect(text(q(el, '[part~="status"]'))).to.match(/^\d+ eventos? próximos?\.$/);
    // Without an event page, the title is plain text.
    expect(q(el, '[part~="event"] h3 a')).to.equal(null);

    fill(q<HTMLSelectElement>(el, '#kind'), '');
    click(q(el, '#when-past'));
    await waitUntil(() => text(q(el, '[part~="status"]')).includes('realizado'), 'no past events', WAIT);
    expect(qa(el, '[part~="event"] h3').map(text)).to.include('Feria de servicio al ciudadano');
    await expect(el).to.be.accessible();

    fill(q<HTMLSelectElement>(el, '#kind'), 'consulta-normativa');
    await waitUntil(() => text(q(el, '[part~="status"]')).startsWith('No hay eventos realizados'), 'no empty state', WAIT);
    expect(q(el, '[part~="list"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a month as a table, moves between months with the keyboard, and marks today (axe)', async () => {
    const el = await fixture<EcamAgenda>(html`<ecam-agenda view="month" event-url=${URL_TEMPLATE}></ecam-agenda>`);
    await loaded(el);
    const table = q(el, 'table[part~="month"]')!;
    expect(qa(el, 'thead th[scope="col"]')).to.have.length(7);
    expect(text(table.querySelector('thead th abbr'))).to.match(/^lun/);
    expect(table.querySelector('td[aria-current="date"]')).to.not.equal(null);
    const caption = text(table.querySelector('caption'));
    await expect(el).to.be.accessible();

    // The rendición is 30 days ahead: this month or the next. Keyboard only.
    el.focus();
    let found = qa(el, 'td a').some((a) => text(a).includes('Audiencia pública de rendición de cuentas'));
    if (!found) {
      await tabTo((a) => a.localName === 'button' && text(a).includes('Mes siguiente'), 'Mes siguiente');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(q(el, 'caption')) !== caption && !text(q(el, '[part~="status"]')).startsWith('Cargando'), 'the month did not change', WAIT);
      expect(deepActive()?.textContent).to.contain('Mes siguiente');
      found = qa(el, 'td a').some((a) => text(a).includes('Audiencia pública de rendición de cuentas'));
    }
    expect(found).to.equal(true);
    const link = qa(el, 'td a').find((a) => text(a).includes('Audiencia pública de rendición de cuentas'))!;
    expect(link.getAttribute('href')).to.match(/^\/participe\/evento\.html\?evento=rendicion-de-cuentas-\d{4}$/);
    expect(text(link)).to.match(/^9:00\s?a\.\s?m\./);
    // The cell says its date to a screen reader.
    expect(text(link.closest('td')!.querySelector('.visually-hidden'))).to.match(/de \d{4}$/);
    expect(text(q(el, '[part~="status"]'))).to.match(/eventos? en /);
    await expect(el).to.be.accessible();
  });

  it('is a list on a phone-wide element and a month on a wide one (no view attribute)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 360px"><ecam-agenda></ecam-agenda></div>`);
    const el = wrap.querySelector('ecam-agenda')!;
    await loaded(el);
    expect(q(el, 'table')).to.equal(null);
    expect(q(el, '[part~="list"]')).to.not.equal(null);
    wrap.style.width = '900px';
    await waitUntil(() => q(el, 'table[part~="month"]'), 'no month on a wide element', WAIT);
    await loaded(el);
    await expect(el).to.be.accessible();
  });

  it('offers the subscription as webcal: and https, and writes schema.org Events in the light DOM', async () => {
    const el = await fixture<EcamAgenda>(html`<ecam-agenda view="list" event-url=${URL_TEMPLATE}></ecam-agenda>`);
    await loaded(el);
    const links = qa(el, '[part~="subscribe"] a') as HTMLAnchorElement[];
    expect(links[0]!.href).to.equal(`webcal://${location.host}/api/events.ics`);
    expect(links[1]!.href).to.equal(`${location.origin}/api/events.ics`);
    const feed = await fetch(links[1]!.href);
    expect(feed.headers.get('content-type')).to.contain('text/calendar');

    const settings = await json<PublicSettings>(await fetch('/api/settings/public'));
    await waitUntil(() => el.querySelector('script[type="application/ld+json"]')?.textContent?.includes(settings.entityName), 'no JSON-LD', WAIT);
    const scripts = el.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).to.have.length(1);
    expect(scripts[0]!.textContent).not.to.contain('</script>');
    const data = JSON.parse(scripts[0]!.textContent!) as { '@context': string; '@graph': Record<string, unknown>[] };
    expect(data['@context']).to.equal('https://schema.org');
    const byName = new Map(data['@graph'].map((e) => [e.name as string, e]));
    const rendicion = byName.get('Audiencia pública de rendición de cuentas')!;
    expect(rendicion['@type']).to.equal('Event');
    expect(rendicion.eventStatus).to.equal('https://schema.org/EventScheduled');
    expect(rendicion.eventAttendanceMode).to.equal('https://schema.org/MixedEventAttendanceMode');
    expect(rendicion.location).to.deep.equal([
      { '@type': 'Place', name: 'Auditorio principal de la ECAM', address: 'Auditorio principal de la ECAM' },
      { '@type': 'VirtualLocation', url: 'https://www.youtube.com/@ecam/live' },
    ]);
    expect(rendicion.organizer).to.deep.equal({ '@type': 'Organization', name: settings.entityName });
    expect(rendicion.url).to.match(new RegExp(`^${location.origin}/participe/evento\\.html\\?evento=rendicion-de-cuentas-\\d{4}$`));
    expect(Date.parse(rendicion.startDate as string)).to.be.a('number').and.not.NaN;
    expect(byName.get(cancelled.title)!.eventStatus).to.equal('https://schema.org/EventCancelled');
    expect(byName.get(online.title)!.location).to.deep.equal({ '@type': 'VirtualLocation', url: 'https://meet.example.org/taller' });
    expect(byName.get(online.title)!.description).to.equal('Por videollamada </script><b>x</b>');
    // Nothing of it in the shadow root, and nothing rendered.
    expect(el.shadowRoot!.querySelector('script')).to.equal(null);
  });

  it('shows a connection error with a retry button (axe), and speaks English', async () => {
    const el = await fixture<EcamAgenda>(html`<ecam-agenda view="list" api-base="http://127.0.0.1:9"></ecam-agenda>`);
    await waitUntil(() => text(q(el, '[part~="alert"]')), 'no error', WAIT);
    expect(text(q(el, '[part~="alert"]'))).to.contain('No pudimos conectar con el servidor');
    await expect(el).to.be.accessible();

    const en = await fixture<EcamAgenda>(html`<ecam-agenda view="month" lang="en"></ecam-agenda>`);
    await loaded(en);
    expect(text(q(en, 'label[for="kind"]'))).to.equal('Kind of event');
    expect(text(q(en, 'caption'))).to.match(/^Events in [A-Z][a-z]+ \d{4}$/);
    await expect(en).to.be.accessible();
  });
});

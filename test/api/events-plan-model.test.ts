/**
 * The staff page's model of the participation plan (widgets/admin/events-model.ts): plain
 * functions over the API's events, tested without DOM or HTTP. Grouping by Bogotá month, goals
 * against the server's figures, the moderation
 * order, and the body the editor sends.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdminEvent } from '../../api/events/schemas.ts';
import { eventInput } from '../../api/events/schemas.ts';
import { byMonth, draftErrors, draftOf, emptyDraft, goalRows, inputOf, moderationOrder, percentOf, type PlanEvent } from '../../widgets/admin/events-model.ts';

function event(over: Partial<PlanEvent> = {}): PlanEvent {
  return {
    id: 1,
    slug: 'foro',
    title: 'Foro',
    kind: 'foro',
    summary: '',
    body: '',
    startsAt: '2027-03-10T09:00:00-05:00',
    endsAt: '2027-03-10T11:00:00-05:00',
    place: 'Auditorio',
    onlineUrl: null,
    responsible: null,
    state: 'published',
    phase: 'upcoming',
    registration: { enabled: true, capacity: 150, waitlist: true, closesAt: '2027-03-10T09:00:00-05:00' },
    questions: true,
    surveySlug: null,
    goals: {},
    counts: { registered: 120, waitlisted: 3 },
    figures: { registered: 120, waitlisted: 3, attended: 64, questionsReceived: 9, questionsPublished: 7, questionsAnswered: 5, surveyAnswers: null },
    chat: null,
    results: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    publishedAt: null,
    cancelledAt: null,
    ...over,
  } as PlanEvent;
}

describe('the plan model', () => {
  it('groups by the month in Bogotá, in order of start', () => {
    // 31 January at 22:00 in Bogotá is already 1 February in UTC.
    const late = event({ id: 2, startsAt: '2027-01-31T22:00:00-05:00' });
    const early = event({ id: 3, startsAt: '2027-01-05T08:00:00-05:00' });
    const march = event({ id: 4 });
    const months = byMonth([march, late, early]);
    assert.equal(months.length, 12);
    assert.deepEqual(months[0]!.map((e) => e.id), [3, 2]);
    assert.deepEqual(months[1], []);
    assert.deepEqual(months[2]!.map((e) => e.id), [4]);
  });

  it('compares goals with the figures the server computed (none without a linked survey)', () => {
    const goals = { registrations: 150, attendance: 80, surveyAnswers: 40 };
    assert.deepEqual(goalRows(event({ goals })), [
      { key: 'registrations', goal: 150, actual: 120 },
      { key: 'attendance', goal: 80, actual: 64 },
      { key: 'surveyAnswers', goal: 40, actual: null },
    ]);
    assert.equal(percentOf(120, 150), 80);
    assert.equal(percentOf(3, 0), 100);
  });

  it('puts pending questions first, oldest first', () => {
    const q = (id: number, state: 'pending' | 'published' | 'hidden' | 'merged', createdAt: string) => ({ id, state, createdAt });
    const order = moderationOrder([q(1, 'published', '1'), q(2, 'merged', '0'), q(3, 'pending', '5'), q(4, 'hidden', '2'), q(5, 'pending', '3')]);
    assert.deepEqual(order.map((x) => x.id), [5, 3, 1, 4, 2]);
  });

  it('sends what the server reads: Bogotá times, numbers, blanks left out; and reads back the same', () => {
    const d = {
      ...emptyDraft(),
      title: 'Feria de servicio',
      kind: 'feria-servicio',
      startsAt: '2027-05-04T08:00',
      endsAt: '2027-05-04T15:00',
      place: 'Parque principal',
      responsibleId: '7',
      registration: true,
      capacity: '40',
      goals: { registrations: '40', attendance: '', questions: '', surveyAnswers: '12' },
    };
    const body = inputOf(d);
    assert.equal(body.startsAt, '2027-05-04T08:00:00-05:00');
    assert.deepEqual(body.registration, { enabled: true, capacity: 40, waitlist: false, closesAt: null });
    assert.deepEqual(body.goals, { registrations: 40, surveyAnswers: 12 });
    assert.equal(body.responsibleId, 7);
    assert.equal(body.chat, null);
    const parsed = eventInput.parse(body);
    assert.equal(parsed.startsAt, '2027-05-04T13:00:00.000Z');

    // Blank dates are left out, so the server says they are required.
    const blank = eventInput.safeParse(inputOf({ ...d, startsAt: '' }));
    assert.equal(blank.success, false);
    assert.match(JSON.stringify(blank.error!.issues), /Inicio: es obligatorio/);

    const back = draftOf(event({ goals: { registrations: 150 }, responsible: { id: 7, name: 'Ana' } }) as AdminEvent);
    assert.equal(back.startsAt, '2027-03-10T09:00');
    assert.equal(back.capacity, '150');
    assert.equal(back.responsibleId, '7');
    assert.equal(back.goals.registrations, '150');
  });

  it("shows the server's nested field errors under the editor's fields", () => {
    assert.deepEqual(draftErrors({ 'registration.capacity': 'Cupo: x', 'chat.opensAt': 'Apertura: y', 'chat.officials.0': 'F: z', title: 'T' }), {
      capacity: 'Cupo: x',
      chatOpensAt: 'Apertura: y',
      chatOfficials: 'F: z',
      title: 'T',
    });
  });
});

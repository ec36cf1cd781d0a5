/** English texts of `<ecam-agenda>`, fetched only by pages in English (see agenda-messages.ts). */
import type { Messages } from '../shared/i18n.ts';
import type { Es } from './agenda-messages.ts';
import { eventTextsEn } from './messages.en.ts';

const events = (n: number) => (n === 1 ? '1 event' : `${n} events`);

export const en: Messages<Es> = {
  ...eventTextsEn,
  filtersLabel: 'Filter the participation calendar',
  kindFilter: 'Kind of event',
  allKinds: 'All kinds',
  show: 'Show',
  upcoming: 'Upcoming',
  past: 'Held',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  thisMonth: 'This month',
  monthCaption: (month) => `Events in ${month}`,
  monthEvents: (month) => `Events in ${month}, in detail`,
  listLabel: (upcoming) => (upcoming ? 'Upcoming events' : 'Events held'),
  countUpcoming: (n) => (n ? `${events(n)} coming up.` : 'No upcoming events with this filter.'),
  countPast: (n) => (n ? `${events(n)} held in the last year.` : 'No events held in the last year with this filter.'),
  countMonth: (n, month) => (n ? `${events(n)} in ${month}.` : `No events in ${month} with this filter.`),
  more: 'See the event',
  moreAbout: (title) => `: ${title}`,
  registrationOpen: (remaining) =>
    remaining === null ? 'Registration open.' : remaining > 0 ? `Registration open: ${remaining} places left.` : 'Fully booked.',
  waitlistOpen: 'Fully booked: you can join the waiting list.',
  questionsOpen: 'Takes questions from citizens.',
  subscribeTitle: 'Subscribe to the calendar',
  subscribe: 'Subscribe to the calendar',
  subscribeText: 'Get every participation event in your calendar app (Google, Outlook, Apple, Thunderbird), kept up to date by itself.',
  download: 'Download the calendar (.ics)',
  feedAddress: 'Calendar address to copy into your app:',
};

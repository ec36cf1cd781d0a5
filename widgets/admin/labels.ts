/** Words the staff page shows for values the API sends as codes (their texts: messages.ts). */
import type { InboxItem } from '../../api/pqrs/workflow-schemas.ts';
import { adminText } from './messages.ts';

type Clock = Pick<InboxItem, 'light' | 'businessDaysLeft' | 'overdue' | 'clockStopped'>;

/** The traffic light in words: never colour alone. */
export function lightLabel(c: Clock, t = adminText()): { word: string; detail: string; light: 'green' | 'amber' | 'red' | 'none' } {
  if (c.light === null || c.businessDaysLeft === null) return { word: t.finished, detail: t.noDeadline, light: 'none' };
  const stopped = c.clockStopped ? t.stopped : '';
  if (c.light === 'red') {
    const late = -c.businessDaysLeft;
    return { word: t.overdue, detail: late > 0 ? t.overdueBy(t.businessDays(late), stopped) : t.expired(stopped), light: 'red' };
  }
  const left = c.businessDaysLeft === 0 ? t.dueToday : t.left(t.businessDays(c.businessDaysLeft));
  return { word: c.light === 'amber' ? t.dueSoon : t.onTime, detail: `${left}${stopped}`, light: c.light };
}

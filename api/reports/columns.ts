/**
 * The columns of the PQRSD report's table by type, in the order of the CSV (DOMAIN.md section 5).
 * Plain data with no imports: the staff page and `<ecam-informe>` both draw the table from it.
 */
export const REPORT_COLUMNS = [
  'received',
  'answeredOnTime',
  'answeredLate',
  'open',
  'overdue',
  'transferred',
  'withdrawn',
  'denied',
  'avgBusinessDays',
  'maxBusinessDays',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

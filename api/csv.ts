import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

/**
 * How a CSV is written: for a person opening it in a spreadsheet, or for a machine (open data).
 * Both quote as RFC 4180 says (a field with the delimiter, a quote or a line break goes between
 * double quotes, quotes doubled) and start with a header row.
 */
export interface CsvDialect {
  delimiter: ',' | ';';
  /** A UTF-8 byte order mark first (Excel needs it to read UTF-8). */
  bom: boolean;
}

/**
 * For a spreadsheet in Spanish (Colombia): UTF-8 with a BOM so accents survive, `;` between
 * fields (the comma is the decimal separator there) and CRLF line ends, as Excel es-CO expects.
 */
export const SPREADSHEET: CsvDialect = { delimiter: ';', bom: true };

/**
 * For open data (datos.gov.co and any CSV reader): UTF-8 without a BOM, which the national
 * portal's guides ask for, commas between fields, a decimal point, CRLF line ends (RFC 4180).
 */
export const OPEN_DATA: CsvDialect = { delimiter: ',', bom: false };

/** Rows (the first one the header) as CSV in `dialect`. */
export function toCsv(rows: unknown[][], dialect: CsvDialect): string {
  return stringify(rows, { bom: dialect.bom, delimiter: dialect.delimiter, record_delimiter: 'windows' });
}

/** CSV for a spreadsheet in Spanish (Colombia); see SPREADSHEET. The first row is the header. */
export function spreadsheetCsv(rows: unknown[][]): string {
  return toCsv(rows, SPREADSHEET);
}

/** Sends a CSV as a download named `filename`. */
export function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .send(csv);
}

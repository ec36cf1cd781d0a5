import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

/**
 * CSV for a spreadsheet in Spanish (Colombia): UTF-8 with a BOM so accents survive, `;` between
 * fields (the comma is the decimal separator there) and CRLF line ends, as Excel es-CO expects.
 * The first row is the header.
 */
export function spreadsheetCsv(rows: unknown[][]): string {
  return stringify(rows, { bom: true, delimiter: ';', record_delimiter: 'windows' });
}

/** Sends a CSV as a download named `filename`. */
export function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .send(csv);
}

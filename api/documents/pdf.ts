/**
 * A small PDF document builder over pdfkit for what the entity hands out on paper: the
 * constancia of a verbal petition today, the published reports later. Title, headings,
 * labelled fields, paragraphs, lists and tables, US Letter (the Colombian office paper), page
 * numbers in the footer, the document's title and language in its metadata.
 *
 * Fonts: pdfkit's built-in Helvetica, encoded in WinAnsi (Windows-1252), which covers every
 * Spanish letter and sign (á é í ó ú ü ñ ¿ ¡ « » – “ ”). A character outside it (a name written
 * in another script, an emoji) would print as garbage, so `pdfText` turns it into its base
 * letter when it has one (ễ → e) or into «?»; nothing is embedded, so documents stay small.
 */
import PDFDocument from 'pdfkit';

/** The characters Windows-1252 adds to Latin-1 in 0x80-0x9F. */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function winAnsi(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRAS.has(ch);
}

/** `s` with every character the built-in fonts cannot show replaced by its base letter or «?». */
export function pdfText(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (winAnsi(ch)) out += ch;
    // Intl writes «p. m.» with a narrow no-break space; any space prints as a space.
    else if (/\p{Zs}/u.test(ch)) out += ' ';
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every(winAnsi) ? base : '?';
    }
  }
  return out;
}

const MARGIN = 56; // 2 cm
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZE = 10.5;
const GREY = '#444444';

export interface PdfMeta {
  /** The document's title: its first heading and its metadata title. */
  title: string;
  /** Who issues it (the entity). */
  author: string;
  subject?: string;
  /** BCP 47 language of the text; Spanish (Colombia) by default. */
  lang?: string;
  /** The footer's left part (e.g. «Radicado ECAM-2026-000001»); the page number goes on the right. */
  footer?: string;
}

export type Cell = string | number | null;

/**
 * Builds a PDF top to bottom: `new PdfBuilder(meta).heading(...).field(...).toBuffer()`.
 * Each method writes at the current position and moves down; pages break by themselves.
 */
export class PdfBuilder {
  private readonly doc: PDFKit.PDFDocument;
  private readonly footer: string;

  constructor(meta: PdfMeta) {
    this.footer = pdfText(meta.footer ?? '');
    this.doc = new PDFDocument({
      size: 'LETTER',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      lang: meta.lang ?? 'es-CO',
      displayTitle: true,
      info: { Title: meta.title, Author: meta.author, Subject: meta.subject ?? meta.title, Creator: 'ECAM Participa' },
    });
    this.doc.font(BOLD).fontSize(16).fillColor('black').text(pdfText(meta.title));
    this.doc.moveDown(0.3);
    this.doc.font(FONT).fontSize(SIZE).fillColor(GREY).text(pdfText(meta.author));
    this.doc.fillColor('black').moveDown(0.8);
  }

  private get width(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  /** Starts a new page when less than `height` points remain above the bottom margin. */
  private keep(height: number): void {
    if (this.doc.y + height > this.doc.page.height - MARGIN) this.doc.addPage();
  }

  /** A section heading. */
  heading(text: string): this {
    this.keep(60);
    this.doc.moveDown(0.5).font(BOLD).fontSize(12.5).text(pdfText(text), MARGIN);
    const y = this.doc.y + 2;
    this.doc.moveTo(MARGIN, y).lineTo(MARGIN + this.width, y).lineWidth(0.5).strokeColor('#888888').stroke();
    this.doc.moveDown(0.5).font(FONT).fontSize(SIZE);
    return this;
  }

  /** A label in bold and its value after it; an empty value prints «—». */
  field(label: string, value: string | null | undefined): this {
    const v = value?.trim() ? value : '—';
    this.keep(30);
    this.doc
      .font(BOLD)
      .fontSize(SIZE)
      .text(`${pdfText(label)}: `, MARGIN, undefined, { continued: true, width: this.width })
      .font(FONT)
      .text(pdfText(v));
    this.doc.moveDown(0.25);
    return this;
  }

  /** A block of text; blank lines separate its paragraphs. */
  paragraph(text: string, options: { bold?: boolean; label?: string } = {}): this {
    if (options.label) {
      this.keep(40);
      this.doc.font(BOLD).fontSize(SIZE).text(pdfText(options.label), MARGIN);
      this.doc.moveDown(0.15);
    }
    this.doc
      .font(options.bold ? BOLD : FONT)
      .fontSize(SIZE)
      .text(pdfText(text), MARGIN, undefined, { width: this.width, align: 'left', paragraphGap: 4 });
    this.doc.moveDown(0.4);
    return this;
  }

  /** A bulleted list; `empty` is printed when there are no items. */
  list(items: string[], empty = 'Ninguno.'): this {
    if (!items.length) return this.paragraph(empty);
    this.doc.font(FONT).fontSize(SIZE).list(items.map(pdfText), MARGIN + 8, undefined, {
      width: this.width - 8,
      bulletRadius: 1.8,
      textIndent: 12,
    });
    this.doc.moveDown(0.4);
    return this;
  }

  /**
   * A table with a header row repeated on each page. `widths` are fractions of the text width
   * (equal by default); numbers are right-aligned.
   */
  table(headers: string[], rows: Cell[][], widths?: number[]): this {
    const doc = this.doc;
    const fr = widths ?? headers.map(() => 1 / headers.length);
    const cols = fr.map((f) => f * this.width);
    const pad = 4;
    const height = (cells: string[], font: string) => {
      doc.font(font).fontSize(SIZE - 1);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]! - pad * 2 }))) + pad * 2;
    };
    const draw = (cells: Cell[], font: string, fill?: string) => {
      const texts = cells.map((c) => pdfText(c === null ? '—' : String(c)));
      const h = height(texts, font);
      const y = doc.y;
      let x = MARGIN;
      if (fill) doc.rect(MARGIN, y, this.width, h).fill(fill).fillColor('black');
      texts.forEach((t, i) => {
        doc.rect(x, y, cols[i]!, h).lineWidth(0.5).strokeColor('#888888').stroke();
        doc
          .font(font)
          .fontSize(SIZE - 1)
          .fillColor('black')
          .text(t, x + pad, y + pad, { width: cols[i]! - pad * 2, align: typeof cells[i] === 'number' ? 'right' : 'left' });
        x += cols[i]!;
      });
      doc.x = MARGIN;
      doc.y = y + h;
    };
    const headerHeight = height(headers.map(pdfText), BOLD);
    this.keep(headerHeight * 2);
    draw(headers, BOLD, '#e8e8e8');
    for (const row of rows) {
      const h = height(row.map((c) => pdfText(c === null ? '—' : String(c))), FONT);
      if (doc.y + h > doc.page.height - MARGIN) {
        doc.addPage();
        draw(headers, BOLD, '#e8e8e8');
      }
      draw(row, FONT);
    }
    doc.moveDown(0.6);
    return this;
  }

  /** Closes the document (footers on every page) and returns its bytes. */
  toBuffer(): Promise<Buffer> {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const y = doc.page.height - MARGIN + 14;
      // Writing inside the bottom margin must not open a new page.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font(FONT).fontSize(8.5).fillColor(GREY);
      if (this.footer) doc.text(this.footer, MARGIN, y, { width: this.width, lineBreak: false });
      doc.text(`Página ${i + 1} de ${range.count}`, MARGIN, y, { width: this.width, align: 'right', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.end();
    });
  }
}

/**
 * Finds personal data in a text about to be published (Ley 1581 de 2012): names, ID document
 * numbers, e-mail addresses and phone numbers. A pure function over plain data: the notices
 * service passes what the request's record knows (the requester's and any representative's name,
 * document, e-mail, phone), and the rest is found by pattern:
 *
 * - e-mails: anything shaped `local@domain.tld`;
 * - phones: Colombian mobiles (3xx xxx xxxx) and landlines (60x xxx xxxx), with or without +57
 *   and separators;
 * - documents: 6 to 12 digits, or digits grouped by dots (1.098.765.432), not money ($) and not a
 *   radicado (ECAM-2026-000123 is the notice's own reference, never flagged);
 * - names: the known names, whole (without regard to case or accents) or any part of 3+ letters
 *   written with a capital;
 *   and a heuristic for others: a courtesy title followed by a capitalised word (Señora Pérez),
 *   or two to five capitalised words in a row (Carlos Andrés Gómez, María de los Ángeles Ruiz),
 *   leaving out words that are usually capitalised for other reasons (institutions, laws, months,
 *   greetings, the entity's own name).
 *
 * Each finding is a flag with a stable id (`nombre:ana maria perez`, `documento:1098765432`), so
 * staff can confirm one and the confirmation still holds after they edit other parts of the text.
 */

export const FLAG_KINDS = ['nombre', 'documento', 'correo', 'telefono'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
/** How a message to staff names each kind. */
export const FLAG_LABELS: Record<FlagKind, string> = { nombre: 'nombre', documento: 'documento', correo: 'correo', telefono: 'teléfono' };

/** One piece of personal data found, with every way it is written in the text. */
export interface PersonalDataFlag {
  id: string;
  kind: FlagKind;
  /** As first written in the text. */
  text: string;
  /** Each distinct spelling found (to suppress them all). */
  matches: string[];
  count: number;
  /** `registro`: it is in the request's record; `patron`: found by its shape. */
  source: 'registro' | 'patron';
}

/** What the request's record knows about the people in it. */
export interface KnownData {
  names: string[];
  documents: string[];
  emails: string[];
  phones: string[];
}

/** Words in a name that are not names by themselves. */
const CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'san', 'e', 'van', 'von', 'da', 'dos']);

/** Capitalised for another reason than being someone's name (folded: lower case, no accents). */
const NOT_NAMES = new Set(
  (
    'a al el la los las lo le les en por para con sin que su sus se nos de del y o u un una uno este esta estos estas ese esa ' +
    'nuestro nuestra usted ustedes si no como cuando donde segun sobre entre hasta desde tras ante bajo mediante ' +
    'gracias hola buenos buenas dias tardes noches cordial cordialmente saludo saludos atentamente respetuosamente ' +
    'respetado respetada estimado estimada apreciado apreciada senor senora senores senorita sr sra srta don dona doctor doctora dr dra ' +
    'asunto referencia ref radicado respuesta solicitud peticion queja reclamo denuncia sugerencia consulta felicitacion ' +
    'informacion oficina atencion ciudadano ciudadana ciudadania ciudadanos direccion director directora coordinador coordinadora ' +
    'jefe jefa subdirector subdirectora profesional funcionario funcionaria area grupo programa programas curso cursos certificado ' +
    'certificados constancia sistemas escuela capacitacion municipal municipio municipios alcaldia alcalde alcaldesa gobernacion ' +
    'secretaria secretario departamento departamental nacional ministerio consejo concejo gobierno digital unidad instituto ' +
    'universidad colegio transparencia acceso publica publico publicas publicos servicio servicios talento humano plan anexo anexos ' +
    'fecha hora ley leyes decreto decretos resolucion resoluciones articulo articulos codigo constitucion politica republica ' +
    'colombia colombiano colombiana santander floridablanca bucaramanga giron piedecuesta bogota ecam pqrs pqrsd cpaca sena dane ' +
    'mintic tecnologias informacion comunicaciones procuraduria contraloria personeria defensoria fiscalia superintendencia ' +
    'registraduria policia ejercito juzgado tribunal corte sala lunes martes miercoles jueves viernes sabado domingo enero febrero ' +
    'marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre cc ce ti nit ppt rc pasaporte cedula ' +
    'calle carrera avenida diagonal transversal barrio vereda sede edificio piso torre manzana centro norte sur oriente occidente ' +
    'total valor pago pagos recibo factura matricula inscripcion inscripciones convocatoria evaluacion acta actas informe informes ' +
    'ingles espanol virtual presencial modulo nivel basico intermedio avanzado excel word office'
  ).split(' '),
);

/** Courtesy titles after which a capitalised word is a name. */
const TITLES = '(?:[Ss]e[ñn]or(?:a|ita)?|[Ss]r\\.?|[Ss]ra\\.?|[Ss]rta\\.?|[Dd]o[ñn]a|[Dd]on|[Dd]octora?|[Dd]ra?\\.|[Ii]ngenier[oa]|[Ll]icenciad[oa]|[Aa]bogad[oa]|[Pp]rofesora?)';
const CAP = "\\p{Lu}[\\p{L}'’]+";
const LINK = '(?:\\s+(?:de|del|de la|de las|de los|y|e|van|von|da|dos))?\\s+';
const RUN = new RegExp(`(?<![\\p{L}\\p{N}])${CAP}(?:${LINK}${CAP}){1,4}(?![\\p{L}\\p{N}])`, 'gu');
const TITLED = new RegExp(`(?<![\\p{L}\\p{N}])${TITLES}\\s+(${CAP}(?:${LINK}${CAP}){0,4})(?![\\p{L}\\p{N}])`, 'gu');
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE = /(?<![\p{N}$])(?:\+?\s?57[\s.-]?)?\(?(?:3\d{2}|60\d)\)?[\s.-]?\d{3}[\s.-]?\d{2}[\s.-]?\d{2}(?!\p{N})/gu;
const DOCUMENT = /(?<![\p{N}$.,])(?:\d{1,3}(?:\.\d{3}){2,3}|\d{6,12})(?:-\d)?(?![\p{N}]|[.,]\d)/gu;
/** Radicados (ECAM-2026-000123): the notice's reference, never personal data. */
const RADICADO = /(?<![\p{L}\p{N}])[A-Z]{2,10}-\d{4}-\d{3,8}(?![\p{L}\p{N}])/gu;

/** Lower case without accents, one code unit per code unit (so offsets stay the same). */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += f.length === ch.length ? f : ch;
  }
  return out;
}

const digits = (s: string) => s.replace(/\D/g, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A flag's id: its kind and its value as compared (digits, or folded words). */
export function flagId(kind: FlagKind, value: string): string {
  const key = kind === 'documento' || kind === 'telefono' ? digits(value) : fold(value).replace(/\s+/g, ' ').trim();
  return `${kind}:${key}`;
}

/**
 * The personal data in `text`, in order of first appearance. `extraNotNames` are words that
 * never make a name by themselves (the entity's own name, say).
 */
export function findPersonalData(text: string, known: KnownData, extraNotNames: string[] = []): PersonalDataFlag[] {
  const taken = new Uint8Array(text.length);
  const found: { start: number; kind: FlagKind; value: string; surface: string; source: PersonalDataFlag['source'] }[] = [];
  const free = (start: number, end: number) => !taken.subarray(start, end).some(Boolean);
  const take = (start: number, end: number) => taken.fill(1, start, end);
  const add = (kind: FlagKind, start: number, end: number, source: PersonalDataFlag['source'], value?: string) => {
    if (end <= start || !free(start, end)) return false;
    take(start, end);
    const surface = text.slice(start, end);
    found.push({ start, kind, value: value ?? surface, surface, source });
    return true;
  };
  const scan = (re: RegExp, on: string, each: (m: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    for (let m = re.exec(on); m; m = re.exec(on)) each(m);
  };

  scan(RADICADO, text, (m) => take(m.index, m.index + m[0].length));
  scan(EMAIL, text, (m) => {
    const isKnown = known.emails.some((e) => e.toLowerCase() === m[0].toLowerCase());
    add('correo', m.index, m.index + m[0].length, isKnown ? 'registro' : 'patron');
  });

  // Known numbers first, however they are written (spaces, dots, dashes between the digits).
  const numbers: [FlagKind, string][] = [
    ...known.phones.map((p) => ['telefono', p] as [FlagKind, string]),
    ...known.documents.map((d) => ['documento', d] as [FlagKind, string]),
  ];
  for (const [kind, raw] of numbers) {
    // A phone given with the country code may be written without it, and the other way round.
    const plain = kind === 'telefono' ? digits(raw).replace(/^57(?=\d{10}$)/, '') : digits(raw);
    if (plain.length < 5) continue;
    const re = new RegExp(`(?<!\\p{N})${plain.split('').join('[\\s.-]?')}(?!\\p{N})`, 'gu');
    scan(re, text, (m) => add(kind, m.index, m.index + m[0].length, 'registro', plain));
  }
  scan(PHONE, text, (m) => add('telefono', m.index, m.index + m[0].length, 'patron', digits(m[0]).replace(/^57(?=\d{10}$)/, '')));
  scan(DOCUMENT, text, (m) => {
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (/\$\s*$/.test(before)) return;
    add('documento', m.index, m.index + m[0].length, 'patron');
  });

  // Known names: whole, then each part, without regard to case or accents.
  const folded = fold(text);
  const wordRe = (words: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${words.split(/\s+/).map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`, 'gu');
  const knownNames = known.names.map((n) => fold(n).replace(/\s+/g, ' ').trim()).filter((n) => n.length >= 3);
  for (const name of knownNames) scan(wordRe(name), folded, (m) => add('nombre', m.index, m.index + m[0].length, 'registro'));
  const parts = new Set(knownNames.flatMap((n) => n.split(' ')).filter((p) => p.length >= 3 && !CONNECTORS.has(p)));
  // A part alone only when written with a capital: "Luz" is a name, "a la luz de la ley" is not.
  for (const part of parts) {
    scan(wordRe(part), folded, (m) => {
      if (/^\p{Lu}/u.test(text[m.index]!)) add('nombre', m.index, m.index + m[0].length, 'registro');
    });
  }

  // Other names: after a courtesy title, or runs of capitalised words that are not ordinary words.
  const notNames = new Set([...NOT_NAMES, ...extraNotNames.flatMap((w) => fold(w).split(/\s+/))]);
  scan(TITLED, text, (m) => {
    const start = m.index + m[0].length - m[1]!.length;
    for (const run of nameRuns(m[1]!, start, notNames, 1)) add('nombre', run.start, run.end, 'patron');
  });
  scan(RUN, text, (m) => {
    for (const run of nameRuns(m[0], m.index, notNames, 2)) add('nombre', run.start, run.end, 'patron');
  });

  // One flag per id, in order of first appearance.
  const flags = new Map<string, PersonalDataFlag>();
  for (const f of found.sort((a, b) => a.start - b.start)) {
    const id = flagId(f.kind, f.value);
    const flag = flags.get(id);
    if (!flag) flags.set(id, { id, kind: f.kind, text: f.surface, matches: [f.surface], count: 1, source: f.source });
    else {
      flag.count++;
      if (!flag.matches.includes(f.surface)) flag.matches.push(f.surface);
      if (f.source === 'registro') flag.source = 'registro';
    }
  }
  return [...flags.values()];
}

/**
 * The parts of a run of capitalised words (starting at `offset` in the text) that can be a name:
 * split at ordinary words, keeping pieces of at least `min` capitalised words.
 */
function nameRuns(run: string, offset: number, notNames: ReadonlySet<string>, min: number): { start: number; end: number }[] {
  const words = [...run.matchAll(/[\p{L}'’]+/gu)].map((m) => ({ word: m[0], start: offset + m.index, end: offset + m.index + m[0].length }));
  const runs: { start: number; end: number }[] = [];
  let current: typeof words = [];
  const flush = () => {
    // A piece may not start or end with a connector (de, la, y...).
    while (current.length && CONNECTORS.has(fold(current[0]!.word))) current.shift();
    while (current.length && CONNECTORS.has(fold(current.at(-1)!.word))) current.pop();
    const capitals = current.filter((w) => !CONNECTORS.has(fold(w.word))).length;
    if (capitals >= min) runs.push({ start: current[0]!.start, end: current.at(-1)!.end });
    current = [];
  };
  for (const w of words) {
    const f = fold(w.word);
    if (CONNECTORS.has(f) && /^\p{Ll}/u.test(w.word)) current.push(w);
    else if (notNames.has(f) || f.length < 2) flush();
    else current.push(w);
  }
  flush();
  return runs;
}

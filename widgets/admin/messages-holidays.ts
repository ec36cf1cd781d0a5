/** Texts of the national holidays section of Ajustes (issue 11 item 1). */
import { catalog } from './catalog.ts';

const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const holidayMessages = catalog(
  {
    heading: 'Festivos nacionales',
    intro:
      'Los días festivos de ley no cuentan en los plazos de las solicitudes. El calendario trae los de la Ley 51 de 1983 (Ley Emiliani) y la Ley 2578 de 2026; si una ley nueva crea otro, agréguelo aquí.',
    yearForm: 'Elegir el año',
    year: 'Año',
    show: 'Mostrar',
    caption: (year: number, n: number) => `Festivos nacionales de ${year} (${n})`,
    tableLabel: (year: number) => `Tabla de festivos nacionales de ${year}`,
    date: 'Fecha',
    name: 'Festivo',
    rule: 'Regla',
    source: 'Fuente legal',
    addedMark: ' (agregado por la entidad)',
    fixed: (day: number, month: number) => `${day} de ${MONTHS_ES[month - 1]}`,
    moves: (day: number, month: number) => `${day} de ${MONTHS_ES[month - 1]}, se traslada al lunes`,
    easter: (offset: number) =>
      offset === 0 ? 'Domingo de Pascua' : `${Math.abs(offset)} días ${offset < 0 ? 'antes' : 'después'} del Domingo de Pascua`,
    once: 'Solo ese día',
    loading: 'Cargando festivos…',
    addForm: 'Agregar un festivo nacional',
    addHeading: 'Agregar un festivo creado por una ley nueva',
    nameLabel: 'Nombre del festivo',
    ruleLabel: 'Regla o fecha',
    ruleHint:
      'MM-DD para una fecha fija (07-20); MM-DD trasladable si se traslada al lunes (07-09 trasladable); pascua+N o pascua-N para días desde el Domingo de Pascua (pascua+43); AAAA-MM-DD para un solo día (2027-03-15).',
    sourceLabel: 'Referencia legal',
    sourceHint: 'La ley o el decreto y el artículo, por ejemplo: Ley 2578 de 2026, art. 6.',
    fromLabel: 'Primer año',
    fromHint: 'El año desde el que rige (de 1984 a 2100). Para un solo día se toma el de la fecha.',
    untilLabel: 'Último año',
    untilHint: 'Solo si una ley lo deroga; vacío si rige sin fin.',
    add: 'Agregar festivo',
    adding: 'Agregando…',
    added: (name: string, moved: number) =>
      `Se agregó el festivo ${name}. ` +
      (moved === 0
        ? 'Ninguna solicitud abierta tenía ese día en su plazo: ninguna fecha límite cambió.'
        : moved === 1
          ? 'Se recalculó la fecha límite de 1 solicitud abierta.'
          : `Se recalculó la fecha límite de ${moved} solicitudes abiertas.`),
  },
  {
    heading: 'National holidays',
    intro:
      'Statutory holidays do not count towards the time limits of requests. The calendar includes those of Ley 51 de 1983 (Ley Emiliani) and Ley 2578 de 2026; when a new law creates another, add it here.',
    yearForm: 'Choose the year',
    year: 'Year',
    show: 'Show',
    caption: (year, n) => `National holidays of ${year} (${n})`,
    tableLabel: (year) => `Table of national holidays of ${year}`,
    date: 'Date',
    name: 'Holiday',
    rule: 'Rule',
    source: 'Legal source',
    addedMark: ' (added by the entity)',
    fixed: (day, month) => `${MONTHS_EN[month - 1]} ${day}`,
    moves: (day, month) => `${MONTHS_EN[month - 1]} ${day}, moved to Monday`,
    easter: (offset) =>
      offset === 0 ? 'Easter Sunday' : `${Math.abs(offset)} days ${offset < 0 ? 'before' : 'after'} Easter Sunday`,
    once: 'That day only',
    loading: 'Loading holidays…',
    addForm: 'Add a national holiday',
    addHeading: 'Add a holiday created by a new law',
    nameLabel: 'Name of the holiday',
    ruleLabel: 'Rule or date',
    ruleHint:
      'MM-DD for a fixed date (07-20); MM-DD trasladable when it moves to Monday (07-09 trasladable); pascua+N or pascua-N for days from Easter Sunday (pascua+43); YYYY-MM-DD for a single day (2027-03-15).',
    sourceLabel: 'Legal reference',
    sourceHint: 'The law or decree and its article, for example: Ley 2578 de 2026, art. 6.',
    fromLabel: 'First year',
    fromHint: 'The year it applies from (1984 to 2100). For a single day, the year of the date is used.',
    untilLabel: 'Last year',
    untilHint: 'Only when a law repeals it; leave empty if it applies indefinitely.',
    add: 'Add holiday',
    adding: 'Adding…',
    added: (name, moved) =>
      `Holiday ${name} was added. ` +
      (moved === 0
        ? 'No open request had that day within its time limit: no due date changed.'
        : moved === 1
          ? 'The due date of 1 open request was recalculated.'
          : `The due date of ${moved} open requests was recalculated.`),
  },
);

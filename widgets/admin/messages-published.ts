/**
 * Texts of the publication of reports in the staff page's report view (issue 11 item 4). The
 * names of periods are those of the citizens' `<ecam-informe>`, so staff and citizens read the same.
 */
import type { PeriodKind } from '../../api/reports/periods.ts';
import { en as informeEn } from '../informe/messages.en.ts';
import { messages as informe } from '../informe/messages.ts';
import { catalog } from './catalog.ts';

const es = {
  periodName: informe.es.period,
  publishTitle: 'Publicación en la página de transparencia',
  publishIntro:
    'Publicar congela las cifras de este periodo tal como están en este momento, con la fecha y su nombre: el informe publicado no cambia después, aunque cambien las solicitudes. Para corregirlo se publica una versión nueva que dice a cuál reemplaza.',
  onlyAdmins: 'Solo un administrador puede publicar informes.',
  notPublished: (period: string) => `El informe de «${period}» no se ha publicado.`,
  publish: 'Publicar este informe',
  confirm: (period: string) => `¿Publicar el informe de «${period}»? Quedará publicado tal como está ahora y no se podrá retirar.`,
  confirmYes: 'Sí, publicar',
  cancel: 'Cancelar',
  publishing: 'Publicando…',
  published: (period: string, version: number) => `Informe publicado: «${period}», versión ${version}.`,
  latest: (version: number, date: string) => `Publicado: versión ${version}, el ${date}`,
  correctTitle: 'Publicar una versión corregida',
  reasonLabel: 'Motivo de la corrección (se publica con el informe)',
  reasonHint: 'Al menos 10 caracteres: qué se corrige y por qué.',
  publishCorrection: (version: number) => `Publicar la versión ${version}`,
  listTitle: 'Informes publicados',
  listEmpty: 'Aún no se ha publicado ningún informe.',
  entry: (period: string, version: number) => `${period}, versión ${version}`,
  entryMeta: (date: string, by: string) => `publicado el ${date} por ${by}`,
  replacedBy: (version: number) => `reemplazado por la versión ${version}`,
  csvOf: (entry: string) => `CSV de ${entry}`,
};

export const publishedMessages = catalog(es, {
  periodName: informeEn.period,
  publishTitle: 'Publication on the transparency page',
  publishIntro:
    'Publishing freezes the figures of this period as they are right now, with the date and your name: the published report never changes afterwards, even when the requests do. To correct it, publish a new version that says which one it replaces.',
  onlyAdmins: 'Only an administrator can publish reports.',
  notPublished: (period) => `The report for “${period}” has not been published.`,
  publish: 'Publish this report',
  confirm: (period) => `Publish the report for “${period}”? It will be published as it is now and cannot be withdrawn.`,
  confirmYes: 'Yes, publish',
  cancel: 'Cancel',
  publishing: 'Publishing…',
  published: (period, version) => `Report published: “${period}”, version ${version}.`,
  latest: (version, date) => `Published: version ${version}, on ${date}`,
  correctTitle: 'Publish a corrected version',
  reasonLabel: 'Reason for the correction (published with the report)',
  reasonHint: 'At least 10 characters: what is corrected and why.',
  publishCorrection: (version) => `Publish version ${version}`,
  listTitle: 'Published reports',
  listEmpty: 'No report has been published yet.',
  entry: (period, version) => `${period}, version ${version}`,
  entryMeta: (date, by) => `published on ${date} by ${by}`,
  replacedBy: (version) => `replaced by version ${version}`,
  csvOf: (entry) => `CSV of ${entry}`,
});

export type { PeriodKind };

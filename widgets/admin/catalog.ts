import type { Lang, Messages, Text } from '../shared/i18n.ts';

/**
 * Spanish and English texts of a staff view, both loaded with the staff page; the compiler
 * checks English against Spanish. The citizens' widgets, whose bytes every municipal page pays
 * for, fetch their English on demand instead (`lazyCatalog`, widgets/shared/i18n.ts).
 */
export function catalog<T extends Record<string, Text>>(es: T, en: Messages<T>): Record<Lang, Messages<T>> {
  return { es: es as unknown as Messages<T>, en };
}

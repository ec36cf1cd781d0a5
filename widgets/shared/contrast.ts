/**
 * WCAG 2.1 contrast between two colours, for warnings such as the admin page's "this colour
 * fails contrast". Colours are CSS hex (`#36c`, `#3366cc`); the answer goes from 1 to 21.
 * AA asks 4.5 for text, 3 for large text and for the edges of controls (1.4.3, 1.4.11).
 */

function channels(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new RangeError(`Color no válido: ${hex} (use #rgb o #rrggbb)`);
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance (WCAG 2.1 definition, sRGB). */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of `fg` on `bg` (order does not matter), e.g. 5.4 for #3366CC on white. */
export function contrastRatio(fg: string, bg: string): number {
  const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

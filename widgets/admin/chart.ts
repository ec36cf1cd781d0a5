/**
 * Chart.js for the staff page, with only the parts its bar charts use registered, so the rest of
 * the library stays out of the bundle. Imported only by lazily loaded views (reports, survey
 * results): the bundler puts it in a chunk of its own, fetched the first time one of them opens.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };

type BarOptions = NonNullable<ChartConfiguration<'bar'>['options']>;

/** The colours a chart's words and lines take from the theme of the view it is drawn in. */
export interface ChartColors {
  /** Axis labels, axis titles and the legend (`--ecam-text`). */
  text: string;
  /** Grid lines and axis lines (`--ecam-rule`). */
  grid: string;
}

/**
 * The theme's colours as the canvas inherits them from its view's host, so the chart is as
 * readable in the dark theme as in the light one (the fallbacks are the light theme's).
 */
export function chartColors(canvas: HTMLCanvasElement): ChartColors {
  const style = getComputedStyle(canvas);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { text: token('--ecam-text', '#4b4b4b'), grid: token('--ecam-rule', '#d0d0d0') };
}

/** `options` with the theme's colours on every axis (x and y at least) and the legend. */
function themed(options: BarOptions | undefined, c: ChartColors): BarOptions {
  const o = options ?? {};
  const scales = Object.fromEntries(
    Object.entries({ x: {}, y: {}, ...o.scales }).map(([id, scale]) => {
      const s = (scale ?? {}) as Record<string, Record<string, unknown> | undefined>;
      return [
        id,
        {
          ...s,
          ticks: { ...s.ticks, color: c.text },
          title: { ...s.title, color: c.text },
          grid: { ...s.grid, color: c.grid },
          border: { ...s.border, color: c.grid },
        },
      ];
    }),
  ) as BarOptions['scales'];
  const legend = o.plugins?.legend;
  return {
    animation: false,
    maintainAspectRatio: false,
    ...o,
    color: c.text,
    scales,
    plugins: { ...o.plugins, legend: { ...legend, labels: { ...legend?.labels, color: c.text } } },
  };
}

const DARK = '(prefers-color-scheme: dark)';

/** The options each chart was last drawn with, before the theme's colours, to repaint it. */
const drawnWith = new WeakMap<Chart<'bar'>, BarOptions | undefined>();

/**
 * Draws a bar chart on `canvas`, or updates `previous` when it is already on that canvas, in the
 * colours of the current theme (and again whenever the system switches between light and dark).
 * Returns the chart to keep (destroy it when the view goes away).
 */
export function drawBarChart(
  canvas: HTMLCanvasElement,
  config: ChartConfiguration<'bar'>,
  previous?: Chart<'bar'>,
): Chart<'bar'> {
  if (previous && previous.canvas === canvas) {
    previous.data = config.data;
    previous.options = themed(config.options, chartColors(canvas));
    drawnWith.set(previous, config.options);
    previous.update();
    return previous;
  }
  previous?.destroy();
  const chart: Chart<'bar'> = new Chart(canvas, {
    ...config,
    options: themed(config.options, chartColors(canvas)),
    plugins: [
      ...(config.plugins ?? []),
      // Repaints in the other theme's colours; stops listening when the chart is destroyed.
      {
        id: 'ecamTheme',
        install: () => matchMedia(DARK).addEventListener('change', retheme),
        uninstall: () => matchMedia(DARK).removeEventListener('change', retheme),
      },
    ],
  });
  drawnWith.set(chart, config.options);
  function retheme(): void {
    if (!chart.canvas) return;
    chart.options = themed(drawnWith.get(chart), chartColors(chart.canvas));
    chart.update();
  }
  return chart;
}

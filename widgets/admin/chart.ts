/**
 * Chart.js for the staff page, with only the parts its bar charts use registered, so the rest of
 * the library stays out of the bundle. Imported only by lazily loaded views (reports, survey
 * results): the bundler puts it in a chunk of its own, fetched the first time one of them opens.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };

/** The grey of axis and legend text: 7:1 on white. */
export const CHART_TEXT = '#4b4b4b';

/**
 * Draws a bar chart on `canvas`, or updates `previous` when it is already on that canvas.
 * Returns the chart to keep (destroy it when the view goes away).
 */
export function drawBarChart(
  canvas: HTMLCanvasElement,
  config: ChartConfiguration<'bar'>,
  previous?: Chart<'bar'>,
): Chart<'bar'> {
  if (previous && previous.canvas === canvas) {
    previous.data = config.data;
    previous.update();
    return previous;
  }
  previous?.destroy();
  return new Chart(canvas, { ...config, options: { animation: false, maintainAspectRatio: false, ...config.options } });
}

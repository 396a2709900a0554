// Line charts over time with uPlot (served from its WebJar at lib/uplot/).
import uPlot from './lib/uplot/uPlot.esm.js';

const COLOURS = ['#a40e26', '#7d4e00', '#116329', '#0b5cad', '#6639ba'];

/**
 * Draws (or redraws) a chart in container. xs are epoch milliseconds; series is a list of
 * { label, values, colour? } with one value (or null) per x.
 */
export function drawChart(container, xs, series, { yLabel = '', points = false, summary = null } = {}) {
  const width = Math.max(280, container.clientWidth || container.parentElement.clientWidth || 600);
  const data = [xs.map(x => x / 1000), ...series.map(s => s.values)];
  const options = {
    width,
    height: 240,
    scales: { x: { time: true } },
    legend: { live: false },
    axes: [{}, { label: yLabel }],
    series: [{}, ...series.map((s, i) => ({
      label: s.label,
      stroke: s.colour || COLOURS[i % COLOURS.length],
      width: 2,
      points: { show: points },
      spanGaps: false,
    }))],
  };
  // The chart is a picture to assistive technology: its gist in words.
  const caption = container.closest('figure')?.querySelector('figcaption')?.textContent;
  container.setAttribute('aria-label', (caption ? caption + ': ' : '') + (summary || series.map(s => s.label + ' '
      + s.values.map(v => v == null ? '–' : v).join(', ')).join('; ')));
  container.dataset.points = String(xs.length);
  if (container.chart && container.chart.series.length === series.length + 1) {
    // Same series: new data only (a device's chart grows with every batch while it is open).
    container.chart.setData(data);
    return container.chart;
  }
  if (container.chart) {
    container.chart.destroy();
  }
  container.replaceChildren();
  container.chart = new uPlot(options, data, container);
  return container.chart;
}

/** Keeps charts as wide as their containers. */
export function resizeCharts() {
  for (const node of document.querySelectorAll('.chart')) {
    if (node.chart) {
      node.chart.setSize({ width: Math.max(280, node.clientWidth), height: 240 });
    }
  }
}

import uPlot from 'uplot';
import type { Values, Window } from './types';

const REFERENCE = 'rgba(120, 130, 150, 0.12)';
const TEST = 'rgba(230, 120, 60, 0.12)';

/**
 * A finding's series over the analysis window: reference window shaded grey, test window shaded
 * orange, the change's onset as a dashed line, the alert time as a red line.
 */
export function seriesChart(target: HTMLElement, values: Values, window: Window, onset: string | null,
                            alertAt: string | null): uPlot {
  const seconds = (iso: string) => Date.parse(iso) / 1000;
  const start = seconds(window.start);
  const testStart = seconds(window.testStart);
  const end = seconds(window.end);
  const marks: { at: number; color: string; dash: number[] }[] = [];
  if (onset) marks.push({ at: seconds(onset), color: '#c2410c', dash: [4, 3] });
  if (alertAt) marks.push({ at: seconds(alertAt), color: '#dc2626', dash: [] });
  const shade = (u: uPlot) => {
    const ctx = u.ctx;
    const x = (t: number) => u.valToPos(t, 'x', true);
    ctx.save();
    ctx.fillStyle = REFERENCE;
    ctx.fillRect(x(start), u.bbox.top, x(testStart) - x(start), u.bbox.height);
    ctx.fillStyle = TEST;
    ctx.fillRect(x(testStart), u.bbox.top, x(end) - x(testStart), u.bbox.height);
    ctx.restore();
  };
  const markers = (u: uPlot) => {
    const ctx = u.ctx;
    ctx.save();
    ctx.lineWidth = 1.5 * devicePixelRatio;
    for (const m of marks) {
      const px = u.valToPos(m.at, 'x', true);
      ctx.strokeStyle = m.color;
      ctx.setLineDash(m.dash.map((d) => d * devicePixelRatio));
      ctx.beginPath();
      ctx.moveTo(px, u.bbox.top);
      ctx.lineTo(px, u.bbox.top + u.bbox.height);
      ctx.stroke();
    }
    ctx.restore();
  };
  const width = Math.max(240, Math.min(target.clientWidth || 720, 960));
  const chart = new uPlot({
    width,
    height: 170,
    legend: { show: false },
    tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'), // the report's times are UTC too
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true, min: start, max: end } },
    axes: [{ size: 30 }, { size: 56, values: (_u: uPlot, splits: number[]) => splits.map(compact) }],
    series: [{}, { stroke: '#2563eb', width: 1.25, spanGaps: false }],
    hooks: { drawClear: [shade], draw: [markers] },
  }, [values.timestamps, values.values as number[]], target);
  target.dataset.points = String(values.timestamps.length);
  // Follow the page's width (a phone turned, a window resized); stop once the chart left the page.
  const fit = () => {
    if (!target.isConnected) {
      globalThis.removeEventListener('resize', fit);
      return;
    }
    chart.setSize({ width: Math.max(240, Math.min(target.clientWidth || 720, 960)), height: 170 });
  };
  globalThis.addEventListener('resize', fit);
  return chart;
}

/** 1234567 → "1.23M": axis labels that fit, whatever the unit (bytes, seconds, counts). */
export function compact(v: number): string {
  const a = Math.abs(v);
  for (const [div, suffix] of [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']] as const) {
    if (a >= div) return `${+(v / div).toPrecision(3)}${suffix}`;
  }
  if (a === 0) return '0';
  return a < 1e-3 ? v.toExponential(1) : `${+v.toPrecision(3)}`;
}

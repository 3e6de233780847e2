/**
 * The page's drawing code. {@link drawCharts} runs in the browser: its source text is inlined into
 * the page (`drawCharts.toString()`), so it must use nothing from outside its own body but its
 * arguments and the browser's globals.
 *
 * Colours: the bands are one blue at three strengths, the decomposition's four components four
 * steps of lightness (they stay apart in greyscale), targets are shaded from dark (P(met) = 0) to
 * light (P(met) = 1) on the viridis scale and labelled with their probability.
 *
 * @module
 */
import type { ChartData } from './chart-data.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Draws every chart of `data` into the page's `#<chart id>` elements with uPlot.
 *
 * @example
 * drawCharts(JSON.parse(document.getElementById('chart-data').textContent), uPlot);
 */
export function drawCharts(data: ChartData, uPlot: any): void {
  const H = 360;
  const font = '13px system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
  const compact = new Intl.NumberFormat(data.lang === 'zh' ? 'zh-CN' : 'en-US', { notation: 'compact', maximumSignificantDigits: 4 });
  const fmt = (unit: string, v: number) => (unit === 'share' ? `${(100 * v).toFixed(Math.abs(v) < 0.1 ? 1 : 0)}%` : unit === 'pp' ? (100 * v).toFixed(2) : compact.format(v));
  const viridis = (p: number) => {
    const stops = [
      [68, 1, 84],
      [59, 82, 139],
      [33, 145, 140],
      [94, 201, 98],
      [253, 231, 37],
    ];
    const x = Math.min(1, Math.max(0, p)) * (stops.length - 1);
    const i = Math.min(stops.length - 2, Math.floor(x));
    const f = x - i;
    const c = stops[i].map((a, k) => Math.round(a + f * (stops[i + 1][k] - a)));
    return `rgb(${c.join(',')})`;
  };
  const axisX = { label: data.xLabel, font, labelFont: font, values: (_u: any, vals: number[]) => vals.map((v) => String(v)), incrs: [1, 2, 5, 10] };
  const axisY = (label: string, unit: string) => ({ label, font, labelFont: font, size: 70, labelSize: 24, values: (_u: any, vals: number[]) => vals.map((v) => fmt(unit, v)) });
  const none = () => null;
  const host = (id: string) => document.getElementById(id) as HTMLElement;
  // as wide as the page's column allows
  const W = Math.max(640, Math.min(1130, host(data.fans[0]?.id ?? data.decomposition?.id ?? '')?.clientWidth ?? 880));

  for (const f of [...data.fans, ...data.flows]) {
    const blue = (a: number) => `rgba(31, 83, 160, ${a})`;
    const band = { stroke: 'transparent', width: 0, points: { show: false } };
    // small charts (the flows) sit in a grid: as wide as their own cell
    const opts = {
      width: f.small ? Math.max(320, Math.min(W, host(f.id)?.clientWidth || W / 2)) : W,
      height: f.small ? 280 : H,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false }, y: { range: () => f.range } },
      axes: [axisX, axisY(f.yLabel, f.unit)],
      series: [
        {},
        band,
        band,
        band,
        { stroke: blue(1), width: 2.5, points: { show: false } },
        band,
        band,
        band,
        { stroke: 'transparent', paths: none, points: { show: true, size: 8, fill: '#111', stroke: '#111' } },
        { stroke: 'transparent', paths: none, points: { show: true, size: 8, fill: '#fff', stroke: '#111', width: 2 } },
      ],
      bands: [
        { series: [7, 1], fill: blue(0.15) },
        { series: [6, 2], fill: blue(0.2) },
        { series: [5, 3], fill: blue(0.25) },
      ],
      hooks: {
        draw: [
          (u: any) => {
            const ctx = u.ctx as CanvasRenderingContext2D;
            const r = devicePixelRatio || 1;
            ctx.save();
            ctx.font = `${Math.round(12 * r)}px system-ui, "Noto Sans CJK SC", sans-serif`;
            ctx.textBaseline = 'middle';
            const used: number[] = [];
            for (const t of f.targets) {
              const x = u.valToPos(t.year, 'x', true);
              let y = u.valToPos(t.value, 'y', true);
              const s = 7 * r;
              ctx.beginPath();
              ctx.moveTo(x, y - s);
              ctx.lineTo(x + s, y);
              ctx.lineTo(x, y + s);
              ctx.lineTo(x - s, y);
              ctx.closePath();
              ctx.fillStyle = viridis(t.pMet);
              ctx.fill();
              ctx.lineWidth = 1.5 * r;
              ctx.strokeStyle = '#000';
              ctx.stroke();
              // labels left of the marker, moved down while they would overlap an earlier one
              while (used.some((v) => Math.abs(v - y) < 16 * r)) y += 16 * r;
              used.push(y);
              ctx.textAlign = 'right';
              const tw = ctx.measureText(t.text).width;
              ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
              ctx.fillRect(x - s - 6 * r - tw, y - 8 * r, tw + 4 * r, 16 * r);
              ctx.fillStyle = '#000';
              ctx.fillText(t.text, x - s - 4 * r, y);
            }
            ctx.restore();
          },
        ],
      },
    };
    new uPlot(opts, [f.years, ...f.bands, f.census, f.yearEnd], host(f.id));
  }

  const d = data.decomposition;
  if (d) {
    const fills = ['#0b1f4b', '#3c6eb4', '#9ec5e8', '#e8e2c8'];
    const pos = d.years.map((_, i) => d.series.reduce((s, x) => s + Math.max(0, x.values[i]), 0));
    const neg = d.years.map((_, i) => d.series.reduce((s, x) => s + Math.min(0, x.values[i]), 0));
    const lo = Math.min(0, ...neg);
    const hi = Math.max(0, ...pos);
    const pad = (hi - lo) * 0.08 || 0.001;
    const opts = {
      width: W,
      height: H,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: () => [d.years[0] - 0.6, d.years[d.years.length - 1] + 0.6] }, y: { range: () => [lo - pad, hi + pad] } },
      axes: [axisX, axisY(d.yLabel, 'pp')],
      series: [{}, { stroke: '#000', width: 2, points: { show: true, size: 6, fill: '#000' }, dash: [6, 4] }],
      hooks: {
        drawAxes: [
          (u: any) => {
            const ctx = u.ctx as CanvasRenderingContext2D;
            const r = devicePixelRatio || 1;
            const half = (u.valToPos(d.years[0] + 0.35, 'x', true) - u.valToPos(d.years[0], 'x', true)) | 0;
            ctx.save();
            d.years.forEach((year, i) => {
              const x = u.valToPos(year, 'x', true);
              let up = 0;
              let down = 0;
              d.series.forEach((s, k) => {
                const v = s.values[i];
                const from = v >= 0 ? up : down;
                const to = from + v;
                if (v >= 0) up = to;
                else down = to;
                const y0 = u.valToPos(from, 'y', true);
                const y1 = u.valToPos(to, 'y', true);
                ctx.fillStyle = fills[k % fills.length];
                ctx.fillRect(x - half, Math.min(y0, y1), 2 * half, Math.abs(y1 - y0));
                ctx.strokeStyle = '#333';
                ctx.lineWidth = 0.5 * r;
                ctx.strokeRect(x - half, Math.min(y0, y1), 2 * half, Math.abs(y1 - y0));
              });
            });
            const y0 = u.valToPos(0, 'y', true);
            ctx.strokeStyle = '#000';
            ctx.lineWidth = 1 * r;
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y0);
            ctx.lineTo(u.bbox.left + u.bbox.width, y0);
            ctx.stroke();
            ctx.restore();
          },
        ],
      },
    };
    new uPlot(opts, [d.years, d.net], host(d.id));
    d.series.forEach((_s, k) => {
      const sw = document.querySelector(`#${d.id}-legend [data-k="${k}"]`) as HTMLElement | null;
      if (sw) sw.style.background = fills[k % fills.length];
    });
  }
}

/**
 * The page's drawing code for the population pyramids. {@link drawPyramids} runs in the browser:
 * its source text is inlined into the page (`drawPyramids.toString()`), so it must use nothing
 * from outside its own body but its arguments and the browser's globals.
 *
 * Each pyramid is a canvas: males left, females right, age groups bottom (youngest) to top, the
 * urban part of each bar next to the axis in dark blue and the rural part beyond it in a light
 * tint with an outline (they stay apart in greyscale); both pyramids share one scale.
 *
 * @module
 */
import type { PyramidChart } from './pyramid-data.js';

/**
 * Draws each panel of `p` into the page's `#<panel id>` element.
 *
 * @example
 * drawPyramids(JSON.parse(document.getElementById('chart-data').textContent).pyramids, 'en');
 */
export function drawPyramids(p: PyramidChart | null, lang: string): void {
  if (!p) return;
  const fill = { urban: '#1f3f73', rural: '#c9d9ee' };
  const compact = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { notation: 'compact', maximumSignificantDigits: 3 });
  const mag = 10 ** Math.floor(Math.log10(p.max / 2));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => p.max / s <= 4) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = 0; v <= p.max * 1.0001; v += step) ticks.push(v);
  const font = (px: number, bold = false) => `${bold ? '600 ' : ''}${px}px system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`;

  for (const panel of p.panels) {
    const host = document.getElementById(panel.id);
    if (!host) continue;
    const W = Math.max(300, Math.min(600, host.clientWidth || 540));
    const n = p.ages.length;
    const row = 17;
    const top = 26;
    const bottom = 50;
    const Ht = top + n * row + bottom;
    const r = devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(W * r);
    canvas.height = Math.round(Ht * r);
    canvas.style.width = `${W}px`;
    canvas.style.height = `${Ht}px`;
    host.appendChild(canvas);
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.scale(r, r);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, W, Ht);
    const gap = 54;
    const margin = 24;
    const half = (W - gap - 2 * margin) / 2;
    const cl = margin + half; // the males' axis
    const cr = cl + gap; // the females' axis
    const scale = (v: number) => (v / (Math.max(p.max, ticks[ticks.length - 1]) || 1)) * half;
    // grid and ticks
    ctx.font = font(11);
    ctx.textBaseline = 'top';
    ctx.textAlign = 'center';
    for (const v of ticks) {
      for (const x of [cl - scale(v), cr + scale(v)]) {
        ctx.strokeStyle = v === 0 ? '#111' : '#e2e2e2';
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(Math.round(x) + 0.5, top);
        ctx.lineTo(Math.round(x) + 0.5, top + n * row + 4);
        ctx.stroke();
        ctx.fillStyle = '#222';
        ctx.fillText(compact.format(v), x, top + n * row + 7);
      }
    }
    ctx.font = font(12);
    ctx.fillText(p.words.persons, W / 2, top + n * row + 27);
    // bars, youngest at the bottom
    const bar = (y: number, x0: number, w: number, colour: string) => {
      ctx.fillStyle = colour;
      ctx.fillRect(x0, y, w, row - 3);
      ctx.strokeStyle = '#333';
      ctx.lineWidth = 0.6;
      ctx.strokeRect(x0, y, w, row - 3);
    };
    for (let i = 0; i < n; i++) {
      const y = top + (n - 1 - i) * row + 1.5;
      const um = scale(panel.urbanMale[i]);
      const rm = scale(panel.ruralMale[i]);
      const uf = scale(panel.urbanFemale[i]);
      const rf = scale(panel.ruralFemale[i]);
      bar(y, cl - um, um, fill.urban);
      bar(y, cl - um - rm, rm, fill.rural);
      bar(y, cr, uf, fill.urban);
      bar(y, cr + uf, rf, fill.rural);
      ctx.fillStyle = '#111';
      ctx.font = font(11);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      if (i % 2 === 0 || n <= 12) ctx.fillText(p.ages[i], (cl + cr) / 2, y + (row - 3) / 2);
    }
    // heads: the sexes over their halves, "age" over the axis
    ctx.font = font(12, true);
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    ctx.fillText(p.words.male, margin, top - 9);
    ctx.textAlign = 'right';
    ctx.fillText(p.words.female, W - margin, top - 9);
    ctx.textAlign = 'center';
    ctx.font = font(11);
    ctx.fillText(p.words.age, (cl + cr) / 2, top - 9);
  }
}

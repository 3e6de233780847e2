/**
 * Terminal display width: East Asian wide and full-width characters (CJK ideographs, kana,
 * Hangul, full-width forms) take two columns, combining marks none.
 *
 * @module
 */

function wide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * Columns `s` takes in a terminal.
 *
 * @example
 * displayWidth('菏泽 Heze'); // 9
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x300 && cp <= 0x36f) continue;
    w += wide(cp) ? 2 : 1;
  }
  return w;
}

/**
 * Pads (or cuts, with an ellipsis) `s` to exactly `width` columns.
 *
 * @example
 * fit('urbanisation', 6); // 'urban…'
 * fit('12', 4, 'right'); // '  12'
 */
export function fit(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  let w = displayWidth(s);
  if (w > width) {
    let cut = '';
    w = 0;
    for (const ch of s) {
      const cw = displayWidth(ch);
      if (w + cw > width - 1) break;
      cut += ch;
      w += cw;
    }
    s = cut + '…';
    w += 1;
  }
  const pad = ' '.repeat(Math.max(0, width - w));
  return align === 'left' ? s + pad : pad + s;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineJson } from '../../../src/report/html/escape.js';

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('leaves no markup character in any string', () => {
    fc.assert(fc.property(fc.string(), (s) => !/[<>"']/.test(escapeHtml(s))));
  });
});

describe('inlineJson', () => {
  it('round-trips any JSON value and never contains "<"', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = inlineJson(v);
        expect(text).not.toContain('<');
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });

  it('cannot close the script element it sits in', () => {
    expect(inlineJson({ a: '</script><script>alert(1)</script>' })).not.toMatch(/<\/script/i);
  });
});

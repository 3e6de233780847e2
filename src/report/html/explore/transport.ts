/**
 * The compiled scenario as text inlined in the page, and back, bit for bit: JSON in which every
 * typed array becomes `{"$typed": "Float64Array", "b64": …}` (its bytes, little-endian as on every
 * machine the page runs on) and every number JSON cannot hold (±Infinity, NaN, −0) becomes
 * `{"$num": "Infinity"}`. Works in Node and in browsers (base64 by `btoa`/`atob`).
 *
 * @module
 */

const TYPED = { Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array } as const;
type TypedName = keyof typeof TYPED;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const special = (x: number): string | null => (Number.isNaN(x) ? 'NaN' : x === Infinity ? 'Infinity' : x === -Infinity ? '-Infinity' : Object.is(x, -0) ? '-0' : null);

function encodeValue(v: unknown): unknown {
  if (typeof v === 'number') {
    const s = special(v);
    return s === null ? v : { $num: s };
  }
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const name = v.constructor.name as TypedName;
    if (!(name in TYPED)) throw new TypeError(`cannot encode a ${name}`);
    return { $typed: name, b64: toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
  }
  if (Array.isArray(v)) return v.map(encodeValue);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, encodeValue(x)]));
  return v;
}

/**
 * Plain data (numbers, strings, booleans, null, arrays, objects, typed arrays) as JSON text.
 *
 * @example
 * decodeData(encodeData({ a: new Float64Array([1, -0, Infinity]) })); // { a: Float64Array [1, -0, Infinity] }
 */
export function encodeData(value: unknown): string {
  return JSON.stringify(encodeValue(value));
}

/**
 * The value {@link encodeData} encoded, with its typed arrays and special numbers restored.
 *
 * @example
 * decodeData<{ x: number }>('{"x":{"$num":"-Infinity"}}').x; // -Infinity
 */
export function decodeData<T>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const o = v as { $num?: string; $typed?: TypedName; b64?: string };
    if (o.$num !== undefined) return o.$num === '-0' ? -0 : Number(o.$num);
    if (o.$typed !== undefined) {
      const bytes = fromBase64(o.b64!);
      const C = TYPED[o.$typed];
      return new C(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / C.BYTES_PER_ELEMENT);
    }
    return v;
  }) as T;
}

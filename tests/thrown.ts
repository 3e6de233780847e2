/**
 * The error of class `type` that `f` throws (anything else is thrown again; no error fails).
 *
 * @example
 * const e = thrown(ParamError, () => compileParams(bad));
 * expect(e.path).toEqual(['assumptions', 'urgd']);
 */
export function thrown<E extends Error>(type: abstract new (...args: never[]) => E, f: () => unknown): E {
  try {
    f();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a ${type.name}`);
}

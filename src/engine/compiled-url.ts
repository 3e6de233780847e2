/**
 * Resolves the URL of a compiled module next to the caller. When the caller runs from its
 * TypeScript source (as under vitest), the same relative path is looked up in `dist/`, which
 * `npm install` / `npm test` build first: worker threads and dynamically imported models always
 * run compiled JavaScript.
 *
 * @module
 */

/**
 * @param relative  path of the target relative to the caller, with a `.js` ending
 * @param callerUrl the caller's `import.meta.url`
 * @example
 * compiledUrl('./worker.js', import.meta.url);
 */
export function compiledUrl(relative: string, callerUrl: string): string {
  const url = new URL(relative, callerUrl);
  if (!callerUrl.endsWith('.ts')) return url.href;
  // …/<root>/src/engine/x.ts → …/<root>/dist/src/engine/<relative>
  const at = Math.max(...['/src/', '/models/', '/tests/', '/bench/'].map((m) => callerUrl.lastIndexOf(m)));
  if (at < 0) return url.href;
  const root = callerUrl.slice(0, at);
  return root + '/dist' + url.href.slice(root.length);
}

#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` through the `prepare` script).
// Node's own warnings (e.g. MaxListenersExceededWarning) are not for the user: they are switched
// off here, in this process and in the worker threads it starts (NODE_NO_WARNINGS is read by each
// new thread); URBCAST_NODE_WARNINGS=1 keeps them, for debugging.
if (process.env.URBCAST_NODE_WARNINGS !== '1') {
  process.env.NODE_NO_WARNINGS = '1';
  process.removeAllListeners('warning');
}
import('../dist/src/cli/main.js').then((m) => m.main(process.argv.slice(2))).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`internal error: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 1; },
);

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { reportError } from '../../src/cli/report-error.js';
import { ParamError } from '../../src/params/compile.js';
import { InputError } from '../../src/scenario/errors.js';
import { capture } from './capture.js';

describe('reportError', () => {
  it('an InputError: its message, exit 2', () => {
    const { io, text } = capture();
    const e = new InputError({ file: '--set x=1', line: 0, column: 0, path: 'x', detail: 'bad' });

    expect(reportError(e, io.stderr)).toBe(2);
    expect(text.err).toBe('--set x=1: x: bad\n');
  });

  it('a ParamError is located when a locator is given', () => {
    const { io, text } = capture();

    const code = reportError(new ParamError(['lever', 'param'], 'unknown parameter'), io.stderr, () => ({ file: '--set lever.param=x', line: 0, column: 0 }));

    expect(code).toBe(2);
    expect(text.err).toBe('--set lever.param=x: lever.param: unknown parameter\n');
  });

  it('usage errors, errors with exitCode 2 and draw failures: the message, exit 2, no stack', () => {
    const render = Object.assign(new Error('html reports are not available yet'), { exitCode: 2 });
    const draw = Object.assign(new Error('draw 5 cannot be projected'), { name: 'DrawFailure' });
    for (const [e, line] of [
      [new UsageError('Unknown argument: x'), 'usage: Unknown argument: x\n'],
      [render, 'html reports are not available yet\n'],
      [draw, 'draw 5 cannot be projected\n'],
    ] as const) {
      const { io, text } = capture();
      expect(reportError(e, io.stderr)).toBe(2);
      expect(text.err).toBe(line);
    }
  });

  it('anything else is an internal error with its stack, exit 1', () => {
    const { io, text } = capture();

    expect(reportError(new TypeError('x is undefined'), io.stderr)).toBe(1);
    expect(text.err).toMatch(/^internal error: TypeError: x is undefined\n {4}at /);
  });
});

/**
 * A mistake on the command line.
 *
 * @module
 */

/**
 * A mistake on the command line (exit code 2; the CLI adds "Run simulate --help for usage.").
 *
 * @example
 * throw new UsageError('--replay-draw prints on stdout; drop --out');
 */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A mistake the user can fix (bad input, bad usage): the CLI prints its message, without a
 * stack, and exits with code 2 (`src/cli/report-error.ts`). A subclass only names the kind of
 * mistake; its `name` is the subclass's own.
 *
 * @example
 * export class ShardError extends UserError {}
 * const e = new ShardError('shard 2 of 4 is missing'); // e.name === 'ShardError', e.exitCode === 2
 *
 * @module
 */
export class UserError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

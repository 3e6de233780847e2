/** An in-memory stand-in for the CLI's stdout and stderr. */
export function capture() {
  const io = { out: '', err: '' };
  return {
    text: io,
    io: {
      stdout: { write: (s: string) => (io.out += s) },
      stderr: { write: (s: string) => (io.err += s) },
    },
  };
}

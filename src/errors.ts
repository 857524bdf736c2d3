// A request that does not fit the project (an unknown department, a missing rules file, a bad git revision, an
// option a command does not take): the CLI prints the message and exits 2. Content problems are ContentError
// (src/content/diagnostics.ts).
export class UsageError extends Error {
  /** `help`: a mistake in the command's own arguments, so the CLI points at the command's help as well. */
  constructor(
    message: string,
    readonly help = false,
  ) {
    super(message);
  }
}

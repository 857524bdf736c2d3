// A request that does not fit the project (an unknown department, a missing rules file, a bad git revision):
// the CLI prints the message alone and exits 2. Content problems are ContentError (src/content/diagnostics.ts).
export class UsageError extends Error {}

// A zod schema built on its first use and kept, so that a module of schemas costs nothing until
// something is checked with one. Building them all when the core was loaded took about 20 ms of
// every restart of the browser's worker (issue 12), which opens bundles checked before and needs
// the schemas only for an import, a write or the idle-time check.

/** The schema `build` makes, made the first time it is asked for; the same object every time after. */
export function lazySchema<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

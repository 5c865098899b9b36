// This environment sets NODE_EXTRA_CA_CERTS, and Node 20 reads and parses that file at every start
// (nodejs/node#40524; Node 24 loads it only when TLS is used): about 45 ms of each `node -e 0` here.
// A typical machine sets no such file, so the benches print their CLI figures both ways.

/** The environment without NODE_EXTRA_CA_CERTS; undefined when it is not set (one set of figures is then enough). */
export function withoutExtraCa(): NodeJS.ProcessEnv | undefined {
  if (process.env.NODE_EXTRA_CA_CERTS === undefined) return undefined;
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

export const EXTRA_CA_NOTE = 'with NODE_EXTRA_CA_CERTS unset (this environment sets it; Node 20 reads it at every start)';

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The core's own folder (shared/), found from this module whether it runs from its source in
 * shared/node/ or from the CLI's compiled chunks in shared/.cache/cli-…/.
 */
export function sharedDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    if (existsSync(path.join(dir, 'bin', 'closer.js'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`closer: cannot find the core's folder above ${fileURLToPath(import.meta.url)}`);
}

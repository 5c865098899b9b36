import { readBundlesEarly } from './store.ts';

// Imported first by index.ts, so that it runs before the core and the rest of the worker's script
// are evaluated (about 40 ms at a restart): the bundle is read from IndexedDB in that time.
readBundlesEarly();

import type PouchDBModule from 'pouchdb-browser';

// PouchDB's module builds its classes, plugins and adapters when it runs: about a third of the
// worker script's run, at every worker start, though a start to answer a search never reads a
// case. A service worker has no import(); this require is resolved by the bundler (vite wraps the
// module and runs it on the first call), so PouchDB runs when cases are first read, while the
// worker waits on IndexedDB for the bundle.
declare const require: (id: 'pouchdb-browser') => { default: typeof PouchDBModule };

/** PouchDB's constructor, its module run on the first call. */
export function pouchDB(): typeof PouchDBModule {
  return require('pouchdb-browser').default;
}

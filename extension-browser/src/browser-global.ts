import type { Browser } from 'webextension-polyfill';

// What `import browser from 'webextension-polyfill'` gives in the built scripts (scripts/build.js
// aliases the package here): the global the polyfill, run as a plain script before the bundle,
// leaves. That is the browser's own `browser` object where there is one, else the polyfill's
// promise-based wrapper of `chrome`, exactly what the package would export.
export default (globalThis as unknown as { browser: Browser }).browser;

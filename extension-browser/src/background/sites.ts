import browser from 'webextension-polyfill';

// Sites the user allowed (optional host permissions granted at runtime) get the content script on
// every visit, through one dynamically registered content script kept in step with the grants.

const SCRIPT_ID = 'closer-sites';
// The manifest already injects into these (the demo page and the tests are served there).
const BUILT_IN = new Set(['http://127.0.0.1/*']);

export async function syncSiteScripts(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = origins.filter((origin) => !BUILT_IN.has(origin));
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches, js: ['content.js'], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

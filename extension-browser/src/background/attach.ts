import browser from 'webextension-polyfill';

// Puts the content script into a chat tab that has none yet: sites the user allowed get it
// through registered content scripts, any other page through activeTab when the panel opens.

export async function attachTab(tabId: number): Promise<{ attached: boolean; error?: string }> {
  try {
    await browser.tabs.sendMessage(tabId, { type: 'read-latest' });
    return { attached: true };
  } catch {
    // No receiver: the content script is not in this tab yet.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    return { attached: true };
  } catch (error) {
    return { attached: false, error: (error as Error).message };
  }
}

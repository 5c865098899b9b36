import type browser from 'webextension-polyfill';

// Chromium has chrome.sidePanel; Firefox has sidebarAction. Both need a user gesture to open.

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void> };
}

export function setUpSidePanel(): void {
  // The toolbar button opens the panel (Chromium); Firefox's sidebar_action does so by itself.
  globalThis.chrome?.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => console.warn('closer:', error));
}

/** Opens the panel for a tab; call it synchronously from the gesture's handler. */
export function openPanel(tab: browser.Tabs.Tab | undefined): void {
  const firefox = (globalThis as { browser?: FirefoxSidebar }).browser;
  if (globalThis.chrome?.sidePanel) {
    const target = tab?.id !== undefined ? { tabId: tab.id } : tab?.windowId !== undefined ? { windowId: tab.windowId } : undefined;
    if (target) chrome.sidePanel.open(target as chrome.sidePanel.OpenOptions).catch((error: unknown) => console.warn('closer: side panel', error));
  } else firefox?.sidebarAction?.open().catch((error: unknown) => console.warn('closer: sidebar', error));
}

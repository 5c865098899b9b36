
// Which chat tab the panel serves: `?tabId=N` when opened as a page (the tests do this), else the
// active tab of the panel's window, followed as the user switches tabs.

export function tabIdFromUrl(): number | undefined {
  const raw = new URLSearchParams(location.search).get('tabId');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) ? id : undefined;
}

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Calls `onChange` with the served tab now and whenever it changes; returns the unsubscribe. */
export function followChatTab(onChange: (tabId: number | undefined) => void): () => void {
  const fixed = tabIdFromUrl();
  if (fixed !== undefined) {
    onChange(fixed);
    return () => undefined;
  }
  void activeTabId().then(onChange);
  const listener = (info: chrome.tabs.OnActivatedInfo) => {
    void chrome.windows.getCurrent().then((window) => {
      if (window.id === info.windowId) onChange(info.tabId);
    });
  };
  chrome.tabs.onActivated.addListener(listener);
  return () => chrome.tabs.onActivated.removeListener(listener);
}

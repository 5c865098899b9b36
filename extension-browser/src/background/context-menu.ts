import browser from 'webextension-polyfill';
import type { PanelEvent } from '../protocol.ts';
import { setPending } from './pending.ts';
import { openPanel } from './side-panel.ts';

// "Suggest replies for this message" on selected text: opens the panel and hands it the text.

const MENU_ID = 'closer-suggest';

export function createContextMenu(): void {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: MENU_ID, title: browser.i18n.getMessage('menuSuggest'), contexts: ['selection'] }),
  );
}

export function onContextMenuClick(info: browser.Menus.OnClickData, tab: browser.Tabs.Tab | undefined): void {
  if (info.menuItemId !== MENU_ID || !info.selectionText) return;
  const text = info.selectionText;
  setPending(text, tab?.id);
  // Opening must happen synchronously inside the click handler: it needs the user gesture.
  openPanel(tab);
  const event: PanelEvent = { type: 'suggest-for', text, tabId: tab?.id };
  // An already open panel gets the text now; a panel still loading takes it with pending-take.
  browser.runtime.sendMessage(event).catch(() => undefined);
}

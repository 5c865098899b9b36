import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchReader, type ReaderSession } from './reader/harness.ts';

// Whole chat layouts of the kinds the issue met on third-party pages, written by hand here
// (the libraries themselves are kept out of the project for an independent check): a
// pull-to-refresh wrapper around the list, an overflow-hidden list scrolled by script beside a
// scrolling conversation list, and bubbles whose body has a title, the text and a time.

let reader: ReaderSession;
beforeAll(async () => {
  reader = await launchReader();
});
afterAll(async () => {
  await reader?.close();
});

test('a pull-to-refresh scroller, author names, times and a system notice: the last customer message exactly', async () => {
  const message = (side: 'left' | 'right', author: string, text: string, time: string) => `
    <div class="Message ${side}" data-type="text"><div class="Message-meta"><time class="Time">${time}</time></div>
      <div class="Message-main" style="display:flex;${side === 'right' ? 'flex-direction:row-reverse' : ''}">
        <span class="Avatar"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="${author}"></span>
        <div class="Message-inner"><div class="Message-author">${author}</div><div class="Message-content"><div class="Bubble text"><p>${text}</p></div></div></div>
      </div></div>`;
  await reader.show(`<div class="ChatApp" style="display:flex;flex-direction:column;height:100vh">
    <header class="Navbar"><div class="Navbar-title">小雨</div></header>
    <div class="MessageContainer" style="flex:1;position:relative;overflow:hidden">
      <div class="PullToRefresh" style="height:100%;overflow-y:auto"><div class="PullToRefresh-inner">
        <div class="PullToRefresh-indicator" style="height:30px;margin-top:-30px">下拉加载更多</div>
        <div class="PullToRefresh-content"><div class="MessageList" data-name="list">
          <div class="Message system"><div class="SystemMessage"><div class="SystemMessage-inner"><span>小雨 进入了会话</span></div></div></div>
          ${message('left', '小雨', '你们的年卡多少钱？', '10:07')}
          ${message('right', '客服小王', '年卡 1999 元。', '10:08')}
          ${message('left', '小雨', '太贵了，能便宜点吗？', '10:09')}
        </div></div></div></div>
    </div>
    <div class="ChatFooter"><div class="Composer"><div class="Composer-inputWrap"><textarea class="Input"></textarea></div></div></div></div>`);
  expect((await reader.call('findList'))?.name).toBe('list');
  expect(await reader.call('latest')).toEqual({ customer: '太贵了，能便宜点吗？', own: '年卡 1999 元。' });
  expect((await reader.call('read'))!.map((message) => message.who)).toEqual(['notice', 'customer', 'own', 'customer']);
});

test('a sidebar of conversations scrolls natively, the message list hides overflow and scrolls by script: the messages win', async () => {
  const conversations = Array.from({ length: 12 }, (_, index) => `<li class="cs-conversation" style="cursor:pointer;display:flex;padding:6px">
    <div class="cs-avatar"><img alt="客户${index}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div>
    <div class="cs-conversation__content"><div class="cs-conversation__name">客户 ${index}</div><div class="cs-conversation__info">上次聊天的内容预览 ${index}，比一条消息更长的文字</div></div>
    <div class="cs-conversation__last-activity-time">10:0${index % 10}</div></li>`).join('');
  const message = (direction: 'incoming' | 'outgoing', text: string, sender: string, time: string) => `
    <div class="cs-message cs-message--${direction}" style="display:flex;${direction === 'outgoing' ? 'justify-content:flex-end' : ''}">
      <div class="cs-message__content-wrapper"><div class="cs-message__header"><div class="cs-message__sender-name">${sender}</div><div class="cs-message__sent-time">${time}</div></div>
      <div class="cs-message__content"><div class="cs-message__html-content">${text}</div></div></div></div>`;
  await reader.show(`<div class="cs-main-container" style="display:flex;height:100vh">
    <div class="cs-sidebar cs-sidebar--left" style="width:300px;display:flex;flex-direction:column"><div class="cs-conversation-list" style="overflow-y:auto;flex:1"><ul>${conversations}</ul></div></div>
    <div class="cs-chat-container" style="flex:1;display:flex;flex-direction:column">
      <div class="cs-conversation-header"><div class="cs-conversation-header__content"><div class="cs-conversation-header__user-name">阿杰</div><div class="cs-conversation-header__info">在线</div></div></div>
      <div class="cs-message-list" style="flex:1;position:relative;overflow:hidden">
        <div class="scrollbar-container cs-message-list__scroll-wrapper" style="position:absolute;inset:0;overflow:hidden" data-name="scroll">
          <div class="cs-message-separator" style="text-align:center">Saturday, 3 May</div>
          ${message('incoming', '想问下年卡的价格', '阿杰', '10:08')}
          ${message('outgoing', '年卡 1999 元', '我', '10:09')}
          ${message('incoming', '年卡太贵了，有折扣吗？', '阿杰', '10:10')}
          <div class="cs-message-list__typing-indicator-container"><div class="cs-typing-indicator"><div class="cs-typing-indicator__text">阿杰 is typing</div></div></div>
        </div></div>
      <div class="cs-message-input"><div class="cs-message-input__content-editor-wrapper"><div class="cs-message-input__content-editor" contenteditable="true" style="min-height:30px"></div></div></div>
    </div></div>`);
  expect((await reader.call('findList'))?.name).toBe('scroll');
  expect(await reader.call('latest')).toEqual({ customer: '年卡太贵了，有折扣吗？', own: '年卡 1999 元' });
});

test('bubbles whose body has a title, the text and a time (and a status icon): the text alone, and pick mode frames the list', async () => {
  const box = (right: boolean, title: string, text: string, time: string) => `
    <div class="rce-container-mbox"><div class="rce-mbox${right ? ' rce-mbox-right' : ''}" style="${right ? 'margin-left:auto;' : ''}width:fit-content;max-width:60%">
      <div class="rce-mbox-body"><div class="rce-mbox-title">${title}</div><div class="rce-mbox-text">${text}</div>
      <div class="rce-mbox-time non-copiable" data-text="${time}">${time}${right ? '<span class="rce-mbox-status"><svg width="10" height="10"></svg></span>' : ''}</div></div></div></div>`;
  await reader.show(`<div style="display:flex;flex-direction:column;height:100vh"><div class="rce-container-mlist" style="flex:1;position:relative">
    <div class="rce-mlist" data-name="list" style="position:absolute;inset:0;overflow:auto">
      ${box(false, 'Kate', 'Hello, is the yearly plan available?', '10:07')}
      ${box(true, 'Me', 'Yes, it is 1,999.', '10:08')}
      <div class="rce-container-smsg"><div class="rce-smsg"><div class="rce-smsg-text">Kate was transferred to you</div></div></div>
      ${box(false, 'Kate', 'Is there a discount?', '10:09')}
    </div></div><div class="rce-container-input"><input class="rce-input" placeholder="Type here"></div></div>`);
  expect((await reader.call('findList'))?.name).toBe('list');
  expect(await reader.call('latest')).toEqual({ customer: 'Is there a discount?', own: 'Yes, it is 1,999.' });
  expect((await reader.call('read'))!.map((message) => message.who)).toEqual(['customer', 'own', 'notice', 'customer']);
  expect(await reader.call('around', '.rce-container-mbox:last-child .rce-mbox-text')).toBe('list');
});

import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchReader, type ReaderSession } from './reader/harness.ts';

// Finding the message list by scored signals (extension-browser/src/content/reader/list-*.ts):
// for each signal a page where it wins and, where it matters, one where it is outweighed.

let reader: ReaderSession;
beforeAll(async () => {
  reader = await launchReader();
});
afterAll(async () => {
  await reader?.close();
});

const bubble = (text: string, side: 'left' | 'right', extra = '') =>
  `<div class="m" style="display:flex;justify-content:${side === 'left' ? 'flex-start' : 'flex-end'}"${extra}><span style="padding:6px 10px;background:#eee;border-radius:8px">${text}</span></div>`;
const conversation = (attrs: string, style = '') => `<div data-name="conversation" ${attrs} style="display:flex;flex-direction:column;gap:6px;padding:12px;${style}">
  ${bubble('你好，在吗？', 'left')}${bubble('在的，您好！', 'right')}${bubble('这款课程多少钱？', 'left')}</div>`;
const contacts = (count: number, style = 'overflow-y:auto') => `<aside data-name="contacts" style="width:220px;height:100vh;${style}">${Array.from({ length: count }, (_, index) =>
  `<div style="cursor:pointer;padding:6px"><b>客户 ${index}</b> <span>10:0${index % 10}</span><div>上次聊到的内容预览 preview text ${index}</div></div>`).join('')}</aside>`;
const composer = '<footer style="padding:8px"><textarea style="width:100%;height:40px"></textarea></footer>';
const pane = (inner: string) => `<div style="display:flex;height:100vh">${inner}</div>`;

test('an empty page has no message list', async () => {
  await reader.show('');
  expect(await reader.call('findList')).toBeUndefined();
  await reader.show('<p>Just an article, <b>no chat</b>.</p>');
  expect(await reader.call('findList')).toBeUndefined();
});

test('above the chat box: a short conversation beats a long scrolling contact list beside it', async () => {
  await reader.show(pane(`${contacts(40)}<main style="flex:1;display:flex;flex-direction:column">${conversation('', 'flex:1')}${composer}</main>`));
  const found = await reader.call('findList');
  expect(found?.name).toBe('conversation');
  expect(found?.reasons.join(' ')).toMatch(/above the chat box/);
});

test('the conversation is found when an ancestor hides overflow and scrolls by script (the sidebar scrolls natively)', async () => {
  await reader.show(pane(`${contacts(30)}<main style="flex:1;display:flex;flex-direction:column;overflow:hidden">
    <div style="flex:1;overflow:hidden;position:relative"><div style="position:absolute;inset:0;overflow:hidden">${conversation('class="message-list"')}</div></div>${composer}</main>`));
  expect((await reader.call('findList'))?.name).toBe('conversation');
});

test('a pull-to-refresh wrapper between the scroller and the list is not taken for the list', async () => {
  await reader.show(`<div style="display:flex;flex-direction:column;height:100vh"><div data-name="scroller" style="flex:1;overflow-y:auto">
    <div data-name="inner"><div class="indicator" style="height:0;overflow:hidden">下拉加载 Pull to load</div>
    <div data-name="content">${conversation('')}</div></div></div>${composer}</div>`);
  expect((await reader.call('findList'))?.name).toBe('conversation');
  expect((await reader.call('latest')).customer).toBe('这款课程多少钱？');
});

test('messages on both sides: a conversation beats a same-sided list of equal length', async () => {
  await reader.show(pane(`<div data-name="notes" style="width:50%;overflow-y:auto">${['备注一', '备注二', '备注三'].map((text) => bubble(text, 'left')).join('')}</div>
    <div style="width:50%;overflow-y:auto">${conversation('')}</div>`));
  const found = await reader.call('findList');
  expect(found?.name).toBe('conversation');
  expect(found?.reasons.join(' ')).toMatch(/messages on both sides/);
});

test('items that are links (a list of chats) lose even with more text and a chat box under them', async () => {
  const chats = `<nav data-name="chats" style="overflow-y:auto">${Array.from({ length: 8 }, (_, index) => `<a href="#c${index}" style="display:block">会话 ${index}：最近的一条消息很长很长很长的预览文字</a>`).join('')}</nav>`;
  await reader.show(`<div style="display:flex;flex-direction:column;height:100vh">${chats}${conversation('', 'flex:1;overflow-y:auto')}${composer}</div>`);
  expect((await reader.call('findList'))?.name).toBe('conversation');
});

test('class names: "message-list" wins over "conversation-list" of the same shape', async () => {
  const list = (cls: string, name: string) => `<div data-name="${name}" class="${cls}" style="flex:1;overflow-y:auto">${bubble('一', 'left')}${bubble('二', 'right')}${bubble('三', 'left')}</div>`;
  await reader.show(`<div style="display:flex;height:100vh">${list('conversation-list', 'chats')}${list('message-list', 'messages')}</div>`);
  expect((await reader.call('findList'))?.name).toBe('messages');
});

test('a hidden list (another tab of the app) loses to the one on screen', async () => {
  await reader.show(`<div data-name="hidden" style="display:none">${bubble('a', 'left')}${bubble('b', 'right')}${bubble('c', 'left')}${bubble('d', 'right')}</div>
    <div style="display:flex;flex-direction:column;height:100vh">${conversation('', 'flex:1')}${composer}</div>`);
  expect((await reader.call('findList'))?.name).toBe('conversation');
});

test('pick mode: hovering a bubble whose body has three parts (title, text, time) frames the list, not the bubble', async () => {
  const rich = (name: string, text: string, time: string, side: 'left' | 'right') => `<div class="row" style="display:flex;justify-content:${side === 'left' ? 'flex-start' : 'flex-end'}">
    <div class="box" data-name="bubble"><div class="title">${name}</div><div class="text">${text}</div><div class="time">${time}</div></div></div>`;
  await reader.show(`<div style="display:flex;flex-direction:column;height:100vh"><div data-name="list" style="flex:1;overflow-y:auto">
    ${rich('小雨', '太贵了', '10:08', 'left')}${rich('我', '可以分期', '10:09', 'right')}${rich('小雨', '那怎么分？', '10:10', 'left')}</div>${composer}</div>`);
  expect(await reader.call('around', '.row:last-child .text')).toBe('list');
  expect(await reader.call('around', '.row:first-child .box')).toBe('list');
});

import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchReader, type ReaderSession } from './reader/harness.ts';

// One bubble read: its text alone (reader/noise-*.ts leave out name, time, receipt, avatar,
// quote, buttons, typing), whose it is (reader/direction-*.ts) and whether it is a notice
// (reader/system-*.ts). Each case is a small list as chat libraries render one.

let reader: ReaderSession;
beforeAll(async () => {
  reader = await launchReader();
});
afterAll(async () => {
  await reader?.close();
});

const list = (rows: string) => `<div style="display:flex;flex-direction:column;height:100vh">
  <div data-name="list" id="list" style="flex:1;overflow-y:auto;display:flex;flex-direction:column;gap:8px;padding:12px">${rows}</div>
  <footer><textarea style="width:100%"></textarea></footer></div>`;
const row = (side: 'left' | 'right', inner: string, cls = '') =>
  `<div class="${cls}" style="display:flex;flex-direction:column;align-items:${side === 'left' ? 'flex-start' : 'flex-end'}">${inner}</div>`;
const read = () => reader.call('read', '#list');

test('the sender\'s name printed above each message is left out, without any telling class name', async () => {
  await reader.show(list([
    row('left', '<div>小雨</div><div>你们的年卡多少钱？</div>'),
    row('right', '<div>我</div><div>年卡 1999 元。</div>'),
    row('left', '<div>小雨</div><div>太贵了，能便宜点吗？</div>'),
  ].join('')));
  expect(await reader.call('latest', '#list')).toEqual({ customer: '太贵了，能便宜点吗？', own: '年卡 1999 元。' });
});

test('a name in a "title" or "author" element is left out even when it appears once', async () => {
  await reader.show(list(row('left', '<div class="msg-title">阿杰</div><div class="msg-text">年卡太贵了</div><div class="msg-time">10:09</div>')));
  expect(await read()).toEqual([expect.objectContaining({ text: '年卡太贵了', who: 'customer' })]);
});

test('times are left out: a <time>, a "timestamp" class, a bare clock time, "2 min ago"', async () => {
  await reader.show(list([
    row('left', '<p>Is there a discount?</p><span>10:09</span>'),
    row('left', '<p>For two people?</p><time datetime="2024-05-01T10:10">May 1</time>'),
    row('left', '<p>And for students?</p><small class="timestamp">上午 10:11</small>'),
    row('left', '<p>Thanks</p><em>2 min ago</em>'),
  ].join('')));
  expect((await read())!.map((message) => message.text)).toEqual(['Is there a discount?', 'For two people?', 'And for students?', 'Thanks']);
});

test('read receipts and status lines are left out', async () => {
  await reader.show(list([
    row('left', '<div class="bubble">Hello</div><div class="footer">Delivered</div>'),
    row('left', '<div class="bubble">在吗</div><span>已读</span>'),
    row('left', '<div class="bubble">OK</div><span class="tick">✓✓</span>'),
  ].join('')));
  expect((await read())!.map((message) => message.text)).toEqual(['Hello', '在吗', 'OK']);
});

test('avatars, buttons, icons and screen-reader-only labels are left out', async () => {
  await reader.show(list(row('left', `<img alt="小雨的头像" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><div class="avatar">XY</div>
    <div>能开发票吗？<svg width="10" height="10"><text>icon</text></svg></div><button>Reply</button><span class="sr-only">Message from 小雨</span>
    <div class="actions"><span>Copy</span></div>`)));
  expect((await read())!.map((message) => message.text)).toEqual(['能开发票吗？']);
});

test('a quoted earlier message is left out of the reply that quotes it', async () => {
  await reader.show(list(row('left', '<blockquote>年卡 1999 元。</blockquote><div>还是太贵了</div>')
    + row('left', '<div class="reply-preview">在的</div><div>那月卡呢？</div>')));
  expect((await read())!.map((message) => message.text)).toEqual(['还是太贵了', '那月卡呢？']);
});

test('a typing indicator is not a message', async () => {
  await reader.show(list(row('left', '<div>有优惠吗？</div>') + row('left', '<div class="typing-indicator"><span></span><span></span></div>') + row('left', '<div>小雨 is typing…</div>')));
  expect(await reader.call('latest', '#list')).toEqual({ customer: '有优惠吗？', own: undefined });
});

test('a message that is only a time or a word like "Delivered" is still read (nothing else to read)', async () => {
  await reader.show(list(row('left', '<div>10:30</div>')));
  expect((await read())!.map((message) => message.text)).toEqual(['10:30']);
});

test('line breaks and paragraphs stay; markup in a message is text', async () => {
  await reader.show(list(row('left', '<div><p>第一行</p><p>第二行<br>第三行</p></div>') + row('left', '<div>&lt;img src=x onerror="window.pwned=1"&gt; 贵吗</div>')));
  expect((await read())!.map((message) => message.text)).toEqual(['第一行\n第二行\n第三行', '<img src=x onerror="window.pwned=1"> 贵吗']);
  expect(await reader.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('a message of 100,000 characters is read up to the limit, quickly', async () => {
  await reader.show(list(row('left', `<div>${'太贵了'.repeat(33_334)}</div>`)));
  const started = Date.now();
  const messages = await read();
  expect(Date.now() - started).toBeLessThan(2000);
  expect(messages![0]!.text.length).toBe(4000);
});

test('direction by class names: "outgoing" and "incoming" win over the side', async () => {
  await reader.show(list(row('left', '<div>有现货吗</div>', 'message incoming') + row('left', '<div>有的，今天发</div>', 'message outgoing')));
  expect((await read())!.map((message) => message.who)).toEqual(['customer', 'own']);
});

test('direction by side when class names say nothing; daisyUI-style chat-start/chat-end by name', async () => {
  await reader.show(list(row('left', '<div>多少钱？</div>') + row('right', '<div>199 元</div>')));
  expect((await read())!.map((message) => message.who)).toEqual(['customer', 'own']);
  await reader.show(list('<div class="chat chat-start"><div class="chat-bubble">多少钱？</div></div><div class="chat chat-end"><div class="chat-bubble">199 元</div></div>'));
  expect((await read())!.map((message) => message.who)).toEqual(['customer', 'own']);
});

test('a bubble showing a reply inserted from the panel is the salesperson\'s, whatever its side', async () => {
  await reader.show(list(row('left', '<div>能便宜点吗？</div>') + row('left', '<div>理解您，我们现在有分期。</div>')));
  expect(await reader.call('latest', '#list', ['理解您，我们现在有分期。'])).toEqual({ customer: '能便宜点吗？', own: '理解您，我们现在有分期。' });
  // Without the insert, the same bubble reads as the customer's.
  expect((await reader.call('latest', '#list')).customer).toBe('理解您，我们现在有分期。');
});

test('notices are skipped: a centred date line, a "system" row, "joined" and "transferred" lines', async () => {
  await reader.show(list([
    row('left', '<div>你好</div>'),
    '<div style="text-align:center"><span>今天</span></div>',
    '<div class="system-message"><span>客服 小李 已接入会话</span></div>',
    '<div style="display:flex;justify-content:center"><span>Anna joined the chat</span></div>',
    '<div style="text-align:center"><span>会话已转接给 小王</span></div>',
  ].join('')));
  expect((await read())!.map((message) => message.who)).toEqual(['customer', 'notice', 'notice', 'notice', 'notice']);
  expect((await reader.call('latest', '#list')).customer).toBe('你好');
});

test('a customer message that mentions today is not a notice', async () => {
  await reader.show(list(row('left', '<div>今天能发货吗？</div>')));
  expect((await read())!.map((message) => message.who)).toEqual(['customer']);
});

test('messages grouped by sender are read one by one', async () => {
  const group = (side: 'left' | 'right', texts: string[]) => row(side, `<div class="sender">${side === 'left' ? '小雨' : '我'}</div>${texts.map((text) => `<div class="message">${text}</div>`).join('')}`, 'message-group');
  await reader.show(list(group('left', ['你好', '想问下价格']) + group('right', ['您好', '年卡 1999']) + group('left', ['有点贵', '能分期吗？'])));
  expect(await reader.call('latest', '#list')).toEqual({ customer: '能分期吗？', own: '年卡 1999' });
});

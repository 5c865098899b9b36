// Where the cursor is in a half-typed playbook, read from indentation (extension-vscode/src/language/yaml-context.ts).
import { expect, test } from 'vitest';
import { cursorContext, parentPath, siblingKeys, slotAt, valuesOf, shapeOf } from '../../extension-vscode/src/language/yaml-context.ts';

const LINES = [
  'id: shop', // 0
  'objections:', // 1
  '  - id: price', // 2
  '    intent: pr', // 3
  '    triggers:', // 4
  '      keywords: [a, "b c"]', // 5
  '      exa', // 6
  '    replies:', // 7
  '      - id: r', // 8
  '        text: "Hi {{prod"', // 9
  '      - ', // 10
  '  - id: other', // 11
  '    titl', // 12
];

test('the path of the mapping a line belongs to, through list items', () => {
  expect(parentPath(LINES, 0)).toEqual([]);
  expect(parentPath(LINES, 3)).toEqual(['objections', 0]);
  expect(parentPath(LINES, 6)).toEqual(['objections', 0, 'triggers']);
  expect(parentPath(LINES, 9)).toEqual(['objections', 0, 'replies', 0]);
  expect(parentPath(LINES, 10)).toEqual(['objections', 0, 'replies', 0]);
  expect(parentPath(LINES, 12)).toEqual(['objections', 0]);
});

test('a half-typed key is a key; after "key: " is a value', () => {
  expect(cursorContext(LINES, 6, 9)).toMatchObject({ inKey: true, word: 'exa' });
  expect(cursorContext(LINES, 3, 14)).toMatchObject({ inKey: false, shape: { key: 'intent', value: 'pr' } });
});

test('a {{variable}} being typed, and one already closed', () => {
  expect(slotAt('text: "Hi {{prod"', 16)).toEqual({ name: 'prod', start: 10, end: 16 });
  expect(slotAt('a {{ name }} b', 6)).toEqual({ name: 'name', start: 2, end: 12 });
  expect(slotAt('a {{name}} b', 11)).toBeUndefined();
  expect(slotAt('no slot here', 5)).toBeUndefined();
});

test('the values of a flow list, with their columns', () => {
  expect(valuesOf(shapeOf(LINES[5]!))).toEqual([
    { value: 'a', column: 17 },
    { value: 'b c', column: 21 },
  ]);
});

test('keys already written in the same mapping, and not those of the next item', () => {
  expect([...siblingKeys(LINES, 6, 4)].sort()).toEqual(['id', 'intent', 'replies', 'triggers']);
  expect([...siblingKeys(LINES, 12, 4)].sort()).toEqual(['id']);
});

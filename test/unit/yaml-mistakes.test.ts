import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPlaybooks, parsePlaybook } from '@closer/shared';
import { findYamlMistake } from '../../shared/src/playbook/yaml-mistakes.ts';

// Each kind of YAML mistake an author makes: exactly one diagnostic, on the line they broke, in
// plain words that say what is wrong and how to mend it (never the parser's own phrases).
const OBJECTION = ['id: shop', 'title: Shop', 'objections:', '  - id: dear', '    intent: price', '    title: Too dear', '    principle: Value first', '    triggers:', '      keywords: [dear]', '    replies:', '      - id: value', '        label: Value', '        text: It is worth it'];

function withLine(index: number, replacement: string | string[]): string {
  const lines = [...OBJECTION];
  lines.splice(index, 1, ...([] as string[]).concat(replacement));
  return lines.join('\n') + '\n';
}

const PARSER_WORDS = /compact mappings|Implicit keys|Implicit map keys|block-seq-ind|Nested mappings|sufficiently indented/;

const cases: { kind: string; text: string; line: number; column?: number; message: RegExp }[] = [
  { kind: 'a key indented less than its neighbours', text: withLine(5, '   title: Too dear'), line: 6, column: 1, message: /indented 3 spaces, the keys above use 4; indent it 4 spaces/ },
  { kind: 'a key indented more than its neighbours', text: withLine(5, '     title: Too dear'), line: 6, column: 1, message: /indented 5 spaces, the keys above use 4/ },
  { kind: 'a top-level key indented by one', text: withLine(1, ' title: Shop'), line: 2, message: /indented 1 space, the keys above use 0/ },
  { kind: 'a tab used to indent', text: withLine(4, '\tintent: price'), line: 5, column: 1, message: /indented with a tab; YAML indents with spaces/ },
  { kind: 'a double quote never closed', text: withLine(5, '    title: "Too dear'), line: 6, column: 12, message: /the quote " opened here is never closed; end it with "/ },
  { kind: 'a single quote never closed', text: withLine(12, "        text: 'It is worth it"), line: 13, message: /the quote ' opened here is never closed/ },
  { kind: 'a bracket never closed', text: withLine(8, '      keywords: [dear, pricey'), line: 9, column: 17, message: /the list "\[" opened here is never closed; end it with \]/ },
  { kind: 'a brace never closed', text: withLine(5, '    title: { zh-CN: 太贵, en: Too dear'), line: 6, message: /the mapping "\{" opened here is never closed/ },
  { kind: 'a missing colon after a key', text: withLine(4, '    intent price'), line: 5, column: 5, message: /"intent" has no ":" after it.*write "intent: price"/ },
  { kind: 'a missing colon on a top-level key', text: withLine(1, 'title Shop'), line: 2, column: 1, message: /"title" has no ":"/ },
  { kind: 'a list item where a key was expected', text: withLine(6, ['    principle: Value first', '    - id: cheap']), line: 8, column: 5, message: /a list item \("- "\) where a key was expected/ },
  { kind: 'a list item at the top, among keys', text: withLine(2, ['- id: dear']), line: 3, column: 1, message: /a list item \("- "\) where a key was expected/ },
  { kind: 'a key among list items', text: 'id: shop\ntitle: Shop\nvariables:\n  - price\n  label: Price\n', line: 5, column: 3, message: /this line is a key, but the lines above at this indent are list items/ },
  { kind: 'lone CR line endings', text: OBJECTION.join('\r') + '\r', line: 1, column: 9, message: /lone carriage return.*LF/ },
];

describe('YAML mistakes are reported once, on the broken line, in plain words', () => {
  it.each(cases)('$kind', ({ text, line, column, message }) => {
    const diagnostics = lintPlaybooks([parsePlaybook(text, 'bad.playbook.yaml')]);
    expect(diagnostics, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
    const [only] = diagnostics;
    expect(only).toMatchObject({ rule: 'yaml-syntax', severity: 'error', line });
    if (column !== undefined) expect(only!.column).toBe(column);
    expect(only!.message).toMatch(message);
    expect(only!.message).not.toMatch(PARSER_WORDS);
  });

  it('keys written twice are each reported', () => {
    const diagnostics = lintPlaybooks([parsePlaybook('id: a\ntitle: A\nid: b\ntitle: B\n', 'bad.playbook.yaml')]);
    expect(diagnostics.map((d) => d.line)).toEqual([3, 4]);
  });

  it('finds nothing wrong in YAML that parses: every playbook and fixture of the repository', () => {
    const dirs = ['playbooks', 'test/fixtures/playbooks/valid', 'test/fixtures/playbooks/invalid', 'test/fixtures/vscode-workspace'];
    let checked = 0;
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((file) => file.endsWith('.playbook.yaml') && file !== 'yaml-syntax.playbook.yaml')) {
        const text = readFileSync(path.join(dir, name), 'utf8');
        expect(findYamlMistake(text), `${dir}/${name}`).toBeUndefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('finds nothing wrong in the valid shapes YAML allows', () => {
    const valid = [
      'objections:\n- id: a\n  title: T\n- id: b\nstories: []\n',
      'principle: a long text\n  that goes on\n  over lines\nid: x\n',
      'examples:\n  - a long message\n    that goes on\n  - "quoted: with a colon"\n',
      'text: "a quote\n  over two lines"\nid: x\n',
      'keywords: [a, b,\n  c]\nid: x\n',
      'text: |\n  a block\n    indented more\n  back\nid: x\n',
      'steps:\n  -\n    id: a\n    title: T\n',
      "title: 'it''s fine'\nid: x # a comment\n",
    ];
    for (const text of valid) expect(findYamlMistake(text), text).toBeUndefined();
  });
});

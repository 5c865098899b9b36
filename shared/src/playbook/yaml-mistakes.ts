// The YAML mistakes authors make, found by reading the lines the way a person would. The yaml
// package reports where its reading failed, which is often the line before or after the one the
// author broke, and in its own words ("Nested mappings are not allowed in compact mappings"). When
// a file does not parse, this finds the first line that is wrong and says what is wrong with it and
// how to mend it; the parser's own error is the fall-back for anything it does not recognise.

export interface YamlMistake {
  /** 1-based line and column of the mistake, as an editor shows them. */
  line: number;
  column: number;
  /** Where the marked stretch ends on the same line (exclusive, 1-based). */
  endColumn: number;
  message: string;
}

interface Level {
  indent: number;
  kind: 'map' | 'seq';
}

interface Shape {
  /** Spaces before the first character. */
  spaces: number;
  dash: boolean;
  /** Column of the key (after any "- "), when the line is "key: …". */
  keyColumn?: number;
  key?: string;
  /** The text after "key:" (or after "- " for a bare list item), without a trailing comment. */
  value: string;
  /** Column where `value` starts. */
  valueColumn: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:,[\]{}][^#]*?|-[^\s#][^#]*?)\s*:(?=\s|$)/;

function shapeOf(line: string): Shape {
  const spaces = line.length - line.trimStart().length;
  let at = spaces;
  let dash = false;
  // A list item's "- ", possibly nested ("- - a").
  while (/^-(\s|$)/.test(line.slice(at))) {
    dash = true;
    at += 1;
    at += line.slice(at).length - line.slice(at).trimStart().length;
  }
  const rest = line.slice(at);
  const key = KEY.exec(rest);
  if (key) {
    const after = rest.slice(key[0].length);
    const value = stripComment(after).trim();
    return { spaces, dash, keyColumn: at, key: key[1], value, valueColumn: at + key[0].length + (after.length - after.trimStart().length) };
  }
  return { spaces, dash, value: stripComment(rest).trim(), valueColumn: at };
}

/** The text before a " #" comment that is not inside quotes. */
function stripComment(text: string): string {
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quote) {
      if (character === '\\' && quote === '"') index++;
      else if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") {
      if (index === 0 || /[\s[{,:]/.test(text[index - 1]!)) quote = character;
    } else if (character === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      return text.slice(0, index);
    }
  }
  return text;
}

const isBlank = (line: string) => /^\s*(#.*)?$/.test(line);
const plural = (count: number) => `${count} space${count === 1 ? '' : 's'}`;

/** A lone CR (an old Mac line ending): editors show a new line there, YAML does not see one. */
export function findLoneCr(text: string): YamlMistake | undefined {
  const loneCr = /\r(?!\n)/.exec(text);
  if (!loneCr) return undefined;
  const before = text.slice(0, loneCr.index);
  // Lines counted as an editor counts them: LF, CRLF and a lone CR each end one.
  const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  const column = loneCr.index - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return {
    line,
    column,
    endColumn: column + 1,
    message: 'this line ends with a lone carriage return (CR, an old Mac line ending), which YAML does not read as the end of a line; save the file with LF (or CRLF) line endings',
  };
}

/** The first mistake in `text`, if it is one of the kinds below; meant for text the yaml package could not read. */
export function findYamlMistake(text: string): YamlMistake | undefined {
  const lines = text.split(/\r?\n/);
  const levels: Level[] = [];
  /** Set while a quoted scalar or a flow collection runs on past its line. */
  let open: { line: number; column: number; closer: string; indent: number; depth: number; quote?: string } | undefined;
  /** Set after "key: |" or "key: >": more indented lines are the text of that key. */
  let blockScalar: { indent: number } | undefined;
  /** What the previous meaningful line leaves open: a key with no value on its line, or a scalar that may go on. */
  let previous: { shape: Shape; indent: number; opensBlock: boolean; line: number } | undefined;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const number = index + 1;
    if (open) {
      const closed = scanFlow(line, 0, open);
      if (closed !== undefined) open = undefined;
      else if (!isBlank(line) && line.length - line.trimStart().length <= open.indent && /^\s*[^\s#'"\-[\]{},][^:]*:(\s|$)/.test(line)) {
        // The next key of the mapping arrived before the quote or bracket was closed.
        return unclosed(lines, open);
      }
      continue;
    }
    if (blockScalar) {
      if (isBlank(line) || line.length - line.trimStart().length > blockScalar.indent) continue;
      blockScalar = undefined;
    }
    if (isBlank(line)) continue;

    const tab = /^( *)\t/.exec(line);
    if (tab) {
      return {
        line: number,
        column: tab[1]!.length + 1,
        endColumn: tab[1]!.length + 2,
        message: 'this line is indented with a tab; YAML indents with spaces only — replace the tab with spaces to line up with the keys above',
      };
    }
    if (/^(---|\.\.\.)(\s|$)|^%/.test(line)) {
      previous = undefined;
      levels.length = 0;
      continue;
    }

    const shape = shapeOf(line);
    const indent = shape.spaces;
    const innermost = levels.at(-1);
    // Close the blocks this line is not inside.
    while (levels.length > 0 && levels.at(-1)!.indent > indent) levels.pop();
    // A list written at its key's own indent ("key:" then "- item" below it) ends at the next key.
    if (!shape.dash && levels.at(-1)?.kind === 'seq' && levels.at(-2)?.indent === indent && levels.at(-2)?.kind === 'map') levels.pop();
    const top = levels.at(-1);
    const opened = previous?.opensBlock === true && indent > previous.indent;

    if (top && top.indent < indent && !opened) {
      if (previous && previous.shape.key === undefined && !previous.shape.dash && shape.key === undefined) {
        // A plain text that goes on over several lines: fine.
      } else if (previous && shape.key === undefined && !shape.dash && previous.shape.value !== '' && !/^["'[{|>]/.test(previous.shape.value)) {
        // The value of the key above going on, more indented: fine.
      } else {
        return badIndent(number, indent, innermost!, levels);
      }
    } else if (!top || top.indent < indent) {
      // The first line, or the first line of a block the line above opened.
      levels.push({ indent, kind: shape.dash ? 'seq' : 'map' });
    } else if (top.indent === indent) {
      if (top.kind === 'map' && shape.dash && !(previous?.opensBlock && previous.indent === indent && previous.shape.key !== undefined)) {
        const parentKey = keyAbove(lines, index, indent);
        return {
          line: number,
          column: indent + 1,
          endColumn: indent + 2,
          message: `a list item ("- ") where a key was expected: the lines above at this indent are keys${parentKey ? ` of "${parentKey}"` : ''}; write "key: value" here, or indent the item under the key whose list it belongs to`,
        };
      }
      if (top.kind === 'seq' && !shape.dash) {
        if (previous?.opensBlock && previous.indent === indent) {
          // "key:" followed by its list at the same indent, then the next key: the list ended.
          levels.pop();
        } else {
          return {
            line: number,
            column: indent + 1,
            endColumn: indent + 2,
            message: `this line is a key, but the lines above at this indent are list items ("- "); start it with "- " to make it an item, or indent it ${plural(indent + 2)} to make it part of the item above`,
          };
        }
      }
      if (top.kind === 'map' && shape.dash && previous?.opensBlock && previous.indent === indent) levels.push({ indent, kind: 'seq' });
    }

    if (shape.dash && shape.keyColumn !== undefined) {
      // "- key: value" opens a mapping whose keys line up with this key.
      if (levels.at(-1)?.indent !== indent || levels.at(-1)?.kind !== 'seq') levels.push({ indent, kind: 'seq' });
      levels.push({ indent: shape.keyColumn, kind: 'map' });
    } else if (shape.dash && levels.at(-1)?.kind !== 'seq') {
      levels.push({ indent, kind: 'seq' });
    }

    if (shape.key === undefined && !shape.dash) {
      const inMap = levels.at(-1)?.kind === 'map' && levels.at(-1)!.indent === indent;
      const continues = previous !== undefined && previous.indent < indent;
      if (inMap && !continues && /^[^\s"'[{|>#][^:]*$/.test(shape.value)) {
        const word = /^\S+/.exec(shape.value)![0];
        const rest = shape.value.slice(word.length).trim();
        return {
          line: number,
          column: indent + 1,
          endColumn: indent + 1 + word.length,
          message: `"${word}" has no ":" after it; a key is followed by a colon and a space — write "${word}: ${rest || '…'}"`,
        };
      }
    }

    const value = shape.value;
    if (/^[|>][-+0-9]*$/.test(value)) {
      blockScalar = { indent: shape.keyColumn ?? indent };
    } else if (/^["'[{]/.test(value)) {
      const flow = { line: number, column: shape.valueColumn + 1, closer: '', indent: shape.keyColumn ?? indent, depth: 0 };
      if (scanFlow(line, shape.valueColumn, flow) === undefined) open = flow;
    }
    previous = {
      shape,
      indent: shape.keyColumn ?? indent,
      opensBlock: (shape.key !== undefined && value === '') || (shape.dash && shape.keyColumn === undefined && value === ''),
      line: number,
    };
  }
  if (open) return unclosed(lines, open);
  return undefined;
}

/**
 * Reads a quoted scalar or a flow collection from `from` on; returns the column after it closes
 * on this line, or undefined while it is still open (the state is kept in `flow`).
 */
function scanFlow(line: string, from: number, flow: { closer: string; depth: number; quote?: string }): number | undefined {
  for (let index = from; index < line.length; index++) {
    const character = line[index]!;
    if (flow.quote) {
      if (flow.quote === '"' && character === '\\') index++;
      else if (flow.quote === "'" && character === "'" && line[index + 1] === "'") index++;
      else if (character === flow.quote) {
        flow.quote = undefined;
        if (flow.depth === 0) return index + 1;
      }
      continue;
    }
    if (character === '"' || character === "'") {
      if (flow.depth === 0 || /[\s[{,:]/.test(line[index - 1] ?? ' ')) {
        flow.quote = character;
        if (flow.depth === 0) flow.closer = character;
      }
    } else if (character === '[' || character === '{') {
      if (flow.depth === 0) flow.closer = character === '[' ? ']' : '}';
      flow.depth++;
    } else if (character === ']' || character === '}') {
      flow.depth--;
      if (flow.depth <= 0) return index + 1;
    } else if (character === '#' && /\s/.test(line[index - 1] ?? ' ') && flow.depth > 0) {
      return undefined;
    } else if (flow.depth === 0) {
      return index;
    }
  }
  return undefined;
}

function unclosed(lines: readonly string[], open: { line: number; column: number; closer: string }): YamlMistake {
  const what = open.closer === ']' ? 'the list "[" opened' : open.closer === '}' ? 'the mapping "{" opened' : `the quote ${open.closer} opened`;
  return {
    line: open.line,
    column: open.column,
    endColumn: Math.max(open.column + 1, (lines[open.line - 1] ?? '').length + 1),
    message: `${what} here is never closed; end it with ${open.closer} on this line`,
  };
}

function badIndent(line: number, indent: number, innermost: Level, outer: readonly Level[]): YamlMistake {
  const above = innermost.indent;
  const further = [...new Set(outer.filter((level) => level.kind === 'map' && level.indent < above).map((level) => level.indent))].sort((a, b) => b - a);
  const fix = `indent it ${plural(above)} to line up with them${further.length > 0 ? `, or ${further.join(' or ')} to go back out to an outer key` : ''}`;
  const what = innermost.kind === 'map' ? 'the keys above use' : 'the list items above use';
  return { line, column: 1, endColumn: indent + 2, message: `this line is indented ${plural(indent)}, ${what} ${above}; ${fix}` };
}

/** The key whose block holds the line at `index` (the nearest less indented key above). */
function keyAbove(lines: readonly string[], index: number, indent: number): string | undefined {
  for (let at = index - 1; at >= 0; at--) {
    const line = lines[at]!;
    if (isBlank(line)) continue;
    const shape = shapeOf(line);
    if ((shape.keyColumn ?? shape.spaces) < indent && shape.key !== undefined && shape.value === '') return shape.key.replace(/^["']|["']$/g, '');
    if (shape.spaces < indent && shape.keyColumn === undefined) return undefined;
  }
  return undefined;
}

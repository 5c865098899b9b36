// How deeply a text nests lists and mappings, checked before the YAML parser sees it: the parser
// and everything after it walk the tree recursively, and 100,000 nested brackets exhaust the
// stack ("Maximum call stack size exceeded"). A playbook nests about eight levels; 64 is plenty.

export const MAX_NESTING = 64;

export interface TooDeep {
  line: number;
  column: number;
}

/** Where the nesting first goes past MAX_NESTING levels, counting brackets and indented blocks. */
export function findTooDeepNesting(text: string): TooDeep | undefined {
  let line = 1;
  let lineStart = 0;
  let flow = 0;
  let quote: string | undefined;
  const indents: number[] = [];
  let atLineStart = true;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (character === '\n') {
      line++;
      lineStart = index + 1;
      atLineStart = true;
      // A quote may run over lines in YAML; brackets too.
      continue;
    }
    if (atLineStart && flow === 0 && quote === undefined) {
      atLineStart = false;
      // Block nesting: the indentation, then each "- " or "? " on the line opens one more level.
      let at = index;
      while (text[at] === ' ') at++;
      if (text[at] !== '\n' && text[at] !== '#' && at < text.length) {
        const indent = at - index;
        while (indents.length > 0 && indents.at(-1)! >= indent) indents.pop();
        indents.push(indent);
        let dashes = 0;
        while ((text[at] === '-' || text[at] === '?') && (text[at + 1] === ' ' || text[at + 1] === '\n' || at + 1 === text.length)) {
          dashes++;
          at += 2;
          while (text[at] === ' ') at++;
        }
        if (indents.length + dashes > MAX_NESTING) return { line, column: at - lineStart + 1 };
      }
    }
    atLineStart = false;
    if (quote !== undefined) {
      if (character === '\\' && quote === '"') index++;
      else if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") {
      const before = text[index - 1];
      if (before === undefined || /[\s[{,:]/.test(before)) quote = character;
    } else if (character === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      const end = text.indexOf('\n', index);
      index = (end < 0 ? text.length : end) - 1;
    } else if (character === '[' || character === '{') {
      flow++;
      if (flow + indents.length > MAX_NESTING) return { line, column: index - lineStart + 1 };
    } else if ((character === ']' || character === '}') && flow > 0) {
      flow--;
    }
  }
  return undefined;
}

import { searchPlaybooks, type SearchResult } from '../../src/engine/search.ts';
import { parseCommandArgs, parseLanguage, parseLimit } from '../args.ts';
import { EXIT, UsageError, type Command } from '../io.ts';
import { bundleForCommand } from '../load-bundle.ts';

export const search: Command = {
  name: 'search',
  usage: `closer search [--json] [--limit N] [--bundle FILE] QUERY
closer search --jsonl [--limit N] [--bundle FILE] < queries.txt

Finds scripts for a new hire: replies, the principles behind them, customer stories, the
golden model's steps and guides. Understands Chinese (two characters are enough), English,
typos, and pinyin in full or as initials ("jiage" or "jg" finds 价格).
Without --bundle, searches the repository's playbooks/.

Options:
  --json         print a JSON array of {"id", "title", "text", "category", "score"}, where
                 category is an intent id, a step id, or "story"
  --jsonl        read queries from standard input, one a line; print one JSON array a line, in order
  --limit N      how many results (default 10)
  --bundle FILE  a bundle written by "closer build"
  --lang LANG    the language of titles and texts: zh-CN or en (default: the query's)
  -h, --help     show this help
Exit code: 0 ok (also when nothing is found), 1 the bundle or playbooks cannot be used, 2 usage error.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      bundle: { type: 'string' },
      limit: { type: 'string' },
      lang: { type: 'string' },
    });
    const limit = parseLimit(values.limit, 10);
    const language = parseLanguage(values.lang);
    if (values.jsonl && positionals.length > 0) throw new UsageError('--jsonl reads queries from standard input; give no QUERY');
    if (!values.jsonl && positionals.length === 0) throw new UsageError('missing QUERY: what to search for');
    const bundle = await bundleForCommand(values.bundle, io);
    if ('problem' in bundle) {
      io.stderr(`closer search: ${bundle.problem}\n`);
      return EXIT.problems;
    }
    const find = (query: string): SearchResult[] => searchPlaybooks(query, bundle, { limit, language });
    if (values.jsonl) {
      for await (const line of io.lines()) io.stdout(JSON.stringify(find(line).map(contractJson)) + '\n');
      return EXIT.ok;
    }
    const results = find(positionals.join(' '));
    if (values.json) {
      io.stdout(JSON.stringify(results.map(contractJson), null, 2) + '\n');
      return EXIT.ok;
    }
    if (results.length === 0) io.stdout('nothing found\n');
    results.forEach((result, index) => {
      io.stdout(`${index + 1}. ${result.title}  [${result.category} · ${result.kind} ${result.id}, ${result.score.toFixed(2)}]  (${result.file}:${result.line})\n`);
      io.stdout(`   ${oneLine(result.text)}\n`);
    });
    return EXIT.ok;
  },
};

function contractJson({ id, title, text, category, score }: SearchResult) {
  return { id, title, text, category, score };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? flat.slice(0, 119) + '…' : flat;
}

// The team's settings file, closer.config.yaml, beside the playbooks: for now the levels of the
// rules that warn (`lint: { hard-coded-figure: off, absolute-guarantee: error }`). Read like a
// playbook: any text gives settings (possibly none) and diagnostics naming the line.
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { didYouMean } from './closest.ts';
import type { Diagnostic } from './diagnostic.ts';
import { LINT_LEVELS } from './ids.ts';
import type { LintSettings } from './schema.ts';
import { findNode } from './yaml-nodes.ts';

export const CONFIG_FILE = 'closer.config.yaml';

export interface CloserConfig {
  lint: LintSettings;
  diagnostics: Diagnostic[];
}

/** `limits` are the rules that warn past a number (too-many-tags): for them a positive whole number is a setting too. */
export function parseCloserConfig(text: string, file: string, configurable: ReadonlySet<string>, limits: ReadonlySet<string> = new Set()): CloserConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const report = (range: readonly number[] | null | undefined, message: string) => {
    const from = lineCounter.linePos(range?.[0] ?? 0);
    const to = lineCounter.linePos(Math.max(range?.[1] ?? 1, (range?.[0] ?? 0) + 1));
    diagnostics.push({ file, line: from.line, column: from.col, endLine: to.line, endColumn: to.col, severity: 'error', rule: 'config', message });
  };
  const lint: LintSettings = {};
  if (doc.errors.length > 0) {
    report(doc.errors[0]!.pos, `the settings file is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
    return { lint, diagnostics };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { lint, diagnostics };
  if (!isMap(root)) {
    report(root.range, 'the settings file is a mapping, such as "lint:" followed by rule ids and levels');
    return { lint, diagnostics };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'lint') report(isScalar(pair.key) ? pair.key.range : root.range, `unknown key "${key}"${didYouMean(key, ['lint'])} (allowed here: lint)`);
  }
  const settings = findNode(doc, ['lint'], false);
  if (!root.has('lint')) return { lint, diagnostics };
  if (!isMap(settings)) {
    report(settings?.range, '"lint" is a mapping of rule ids to off, warning or error');
    return { lint, diagnostics };
  }
  for (const pair of settings.items) {
    const rule = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = isScalar(pair.value) ? String(pair.value.value) : undefined;
    if (!configurable.has(rule)) {
      report(isScalar(pair.key) ? pair.key.range : settings.range, `"${rule}" is not a rule that can be set here${didYouMean(rule, configurable)} (these can: ${[...configurable].sort().join(', ')})`);
    } else if (limits.has(rule) && isScalar(pair.value) && typeof pair.value.value === 'number') {
      const most = pair.value.value;
      if (Number.isInteger(most) && most > 0) lint[rule] = most;
      else report(pair.value.range, `the number for "${rule}" is a whole number above 0; ${most} is not`);
    } else if (value === undefined || !(LINT_LEVELS as readonly string[]).includes(value)) {
      report(isScalar(pair.value) ? pair.value.range : pair.key && isScalar(pair.key) ? pair.key.range : settings.range, `the level of "${rule}" must be one of ${LINT_LEVELS.join(', ')}${value === undefined ? '' : `; "${value}" is not${didYouMean(value, LINT_LEVELS)}`}`);
    } else {
      lint[rule] = value as LintSettings[string];
    }
  }
  return { lint, diagnostics };
}

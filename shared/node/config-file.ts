// The team's settings file for the CLI: --config FILE, else closer.config.yaml in the current
// folder when there is one. A file that cannot be read or parsed is a diagnostic, like a playbook.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, CONFIGURABLE_RULES, parseCloserConfig, RULE_LIMITS, type CloserConfig } from '../src/index.ts';
import { fileErrorMessage } from './file-errors.ts';

export function loadTeamConfig(cwd: string, given?: string): CloserConfig {
  const file = given === undefined ? path.join(cwd, CONFIG_FILE) : path.resolve(cwd, given);
  const name = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // Without --config, a folder with no settings file simply uses the defaults.
    if (given === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return { lint: {}, diagnostics: [] };
    return { lint: {}, diagnostics: [{ file: name, line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', rule: 'config', message: `the settings file cannot be read: ${fileErrorMessage(error)}` }] };
  }
  return parseCloserConfig(text, name, CONFIGURABLE_RULES, new Set(RULE_LIMITS.keys()));
}

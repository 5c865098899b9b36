import type { LintRule } from '../rule.ts';

/** Problems met while reading the file: YAML syntax, encoding, size, an empty file. */
export const yamlSyntax: LintRule = {
  id: 'yaml-syntax',
  description: 'The file must be readable YAML text.',
  check: ({ files }) => files.flatMap((file) => file.diagnostics),
};

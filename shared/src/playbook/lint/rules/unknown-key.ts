import { describeSchemaIssue } from '../../schema-issues.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const unknownKey: LintRule = {
  id: 'unknown-key',
  description: 'Every key must be one the playbook format knows; a typo in a key would otherwise be ignored silently.',
  check: ({ files }) =>
    files.flatMap((file) =>
      file.schemaIssues
        .filter((issue) => issue.code === 'unrecognized_keys')
        .flatMap((issue) => describeSchemaIssue(issue, file.data))
        .map((found) => diagnosticAt(file, found.path, 'error', 'unknown-key', found.message, { key: true })),
    ),
};

import { describeSchemaIssue } from '../../schema-issues.ts';
import { diagnosticAt, type LintRule } from '../rule.ts';

export const wrongType: LintRule = {
  id: 'wrong-type',
  description: 'Every value must have the kind the format expects (text, a list, a mapping, one of the allowed ids) and required keys must be there.',
  check: ({ files }) =>
    files.flatMap((file) =>
      file.schemaIssues
        .filter((issue) => issue.code !== 'unrecognized_keys')
        .flatMap((issue) => describeSchemaIssue(issue, file.data))
        .map((found) => diagnosticAt(file, found.path, 'error', 'wrong-type', found.message, { key: found.atKey })),
    ),
};

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { playbookJsonSchema } from '@closer/shared';

it('the committed JSON Schema matches the zod source (run "npm run schema" after changing schema.ts)', () => {
  const committed = JSON.parse(readFileSync('shared/playbook.schema.json', 'utf8'));
  expect(committed).toEqual(playbookJsonSchema());
});

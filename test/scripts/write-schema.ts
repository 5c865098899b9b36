// Regenerates shared/playbook.schema.json from the zod source (npm run schema).
import { writeFileSync } from 'node:fs';
import { playbookJsonSchema } from '@closer/shared';

writeFileSync(new URL('../../shared/playbook.schema.json', import.meta.url), JSON.stringify(playbookJsonSchema(), null, 2) + '\n');

// Writes resources/open-data/long-format.schema.json from the zod schema:
//   node resources/open-data/make-schema.ts
import { writeFileSync } from 'node:fs';
import { longFormatJsonSchema } from '../../shared/open-data/json-schema.ts';

writeFileSync(new URL('./long-format.schema.json', import.meta.url), `${JSON.stringify(longFormatJsonSchema(), null, 2)}\n`);

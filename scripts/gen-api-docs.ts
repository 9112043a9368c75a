/** `npm run docs:api`: writes docs/api.md from the declared routes and error codes. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiReferenceMarkdown } from '../common/api/reference.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/api.md');
writeFileSync(file, apiReferenceMarkdown());
console.log(`wrote ${file}`);

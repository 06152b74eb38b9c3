/** `npm run gen:model`: regenerates src/core/ecs/generated and the compiled validator. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generate } from './model/generate.ts';

for (const [path, content] of generate()) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`wrote ${path} (${content.length} bytes)`);
}

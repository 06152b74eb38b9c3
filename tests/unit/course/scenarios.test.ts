/** Every scenario in content/scenarios starts cleanly: its files exist and its set-up succeeds. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { execute } from '../../../src/core/cli/shell.ts';
import { createSimulator } from '../../../src/core/sim/index.ts';
import { toScenario } from '../../../src/course/scenarios.ts';
import { scenarioSchema } from '../../../src/course/schema.ts';

const dir = 'content/scenarios';
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const id = basename(f, '.yaml');
    const data = scenarioSchema.parse(parse(readFileSync(join(dir, f), 'utf8')));
    return toScenario(id, data, (file) => readFileSync(join('content/examples/task-definitions', file), 'utf8'));
  });

describe.each(scenarios)('scenario $id', (scenario) => {
  it('runs every set-up command successfully', () => {
    const sim = createSimulator({ seed: scenario.seed });
    for (const line of scenario.setup) {
      const result = execute(line, { sim, readFile: () => undefined });
      expect(result.stderr, line).toBe('');
      expect(result.exitCode, line).toBe(0);
    }
  });

  it('ships task definition files that register as they are', () => {
    for (const [name, text] of Object.entries(scenario.files)) {
      const sim = createSimulator({ seed: scenario.seed });
      const result = execute(`aws ecs register-task-definition --cli-input-json file://${name}`, {
        sim,
        readFile: (path) => (path === name ? text : undefined),
      });
      expect(result.stderr, name).toBe('');
    }
  });
});

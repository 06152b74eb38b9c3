/** Turns a scenario file's data into what a terminal session starts from. */
import type { Scenario } from '../core/session/session.ts';
import type { ScenarioData } from './schema.ts';

/** `readExample` returns the text of a file in content/examples/task-definitions/. */
export function toScenario(id: string, data: ScenarioData, readExample: (file: string) => string): Scenario {
  const files: Record<string, string> = {};
  for (const f of data.files) files[f.name] = readExample(f.example);
  return { id, seed: data.seed, setup: data.setup, files };
}

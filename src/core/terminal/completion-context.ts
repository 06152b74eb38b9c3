/**
 * Builds what `complete` needs from the running simulator: the command specs (the shell's own
 * command table, the generated aws model, the hand-written subsets) and the names in the account
 * right now. The island calls `completionContext(sim, { files })` on each Tab.
 */
import { COMMANDS } from '../cli/shell.ts';
import type { Simulator } from '../sim/engine.ts';
import { modelServices } from './aws-spec.ts';
import type { CommandSpec } from './command-spec.ts';
import type { CompletionContext } from './completion.ts';
import { AWS_GLOBALS, CURL, DOCKER, EC2, ELBV2, EXPLAIN, FILES, LOGS, SIM } from './hand-specs.ts';
import { resourcesOf } from './resources.ts';

const KNOWN: Readonly<Record<string, CommandSpec>> = {
  sim: SIM,
  docker: DOCKER,
  curl: CURL,
  cat: FILES,
  ls: FILES,
  explain: EXPLAIN,
};

let specs: Record<string, CommandSpec> | undefined;

/** Every command of the shell's table with what Tab knows of it (computed once: the model is fixed). */
export function commandSpecs(): Readonly<Record<string, CommandSpec>> {
  if (!specs) {
    const aws: CommandSpec = {
      options: AWS_GLOBALS,
      subcommands: { ...modelServices(), ec2: EC2, elbv2: ELBV2, logs: LOGS },
    };
    specs = Object.fromEntries(
      Object.keys(COMMANDS).map((name) => [name, name === 'aws' ? aws : (KNOWN[name] ?? {})]),
    ) as Record<string, CommandSpec>;
  }
  return specs;
}

export interface ContextOptions {
  /** File names `file://` can refer to (what the host's readFile can read). */
  files?: readonly string[];
  /** Glossary slugs (for `explain`): the slugs of the entries the host passes to the shell. */
  glossary?: readonly string[];
  /** Commands the host runs itself (for example `clear`), completed like the shell's own. */
  extraCommands?: readonly string[];
}

export function completionContext(sim: Simulator, options: ContextOptions = {}): CompletionContext {
  const commands: Record<string, CommandSpec> = { ...commandSpecs() };
  for (const name of options.extraCommands ?? []) if (!Object.hasOwn(commands, name)) commands[name] = {};
  return {
    commands,
    resources: resourcesOf(sim),
    files: [...(options.files ?? [])],
    glossary: [...(options.glossary ?? [])],
  };
}

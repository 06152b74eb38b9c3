/**
 * Tab completion: what the word at the cursor could become, from the command specs (commands,
 * subcommands, options) and the names in the simulated account. Pure: the context is plain data
 * (see `completionContext` for building it from a simulator). Never throws.
 */
import type { CompletionResult } from './apply-completion.ts';
import type { CommandSpec, OptionSpec, ValueSource } from './command-spec.ts';
import { lastPart, type Resources } from './resources.ts';
import { quoteWord, wordsAtCursor } from './shell-words.ts';

export type { CompletionResult } from './apply-completion.ts';

export interface CompletionContext {
  /** Every command the terminal runs, by name. */
  commands: Readonly<Record<string, CommandSpec>>;
  resources: Resources;
  /** Files `file://` can name (the host's lab files). */
  files: readonly string[];
  /** Glossary slugs, for `explain`. */
  glossary: readonly string[];
}

/** Where the words before the cursor lead: the command reached and the options given so far. */
interface Walk {
  /** The specs from the command down to the deepest subcommand reached. */
  path: CommandSpec[];
  /** Whether a subcommand word is still expected at the current level. */
  expectsSubcommand: boolean;
  /** Positional arguments given after the last subcommand. */
  argCount: number;
  /** Values given to each option so far (`--cluster demo` → { '--cluster': ['demo'] }). */
  given: Map<string, string[]>;
  /** The option whose value(s) the next word would be, with how many it already has. */
  pending: { name: string; spec: OptionSpec; count: number } | undefined;
  /** An unknown subcommand: nothing sensible to offer. */
  lost: boolean;
}

function optionsOf(path: readonly CommandSpec[]): Map<string, OptionSpec> {
  const options = new Map<string, OptionSpec>();
  for (const spec of path) for (const [name, option] of Object.entries(spec.options ?? {})) options.set(name, option);
  return options;
}

function walk(command: CommandSpec, words: readonly string[]): Walk {
  const state: Walk = {
    path: [command],
    expectsSubcommand: command.subcommands !== undefined,
    argCount: 0,
    given: new Map(),
    pending: undefined,
    lost: false,
  };
  for (const word of words) {
    const pending = state.pending;
    if (pending && (pending.count === 0 || (pending.spec.list && !word.startsWith('-')))) {
      state.given.get(pending.name)?.push(word);
      pending.count += 1;
      if (!pending.spec.list) state.pending = undefined;
      continue;
    }
    state.pending = undefined;
    if (word.startsWith('-') && word.length > 1) {
      const equals = word.indexOf('=');
      const name = equals > 0 ? word.slice(0, equals) : word;
      const spec = optionsOf(state.path).get(name);
      state.given.set(name, equals > 0 ? [word.slice(equals + 1)] : []);
      if (spec && !spec.flag && equals < 0) state.pending = { name, spec, count: 0 };
      continue;
    }
    const here = state.path.at(-1) as CommandSpec;
    if (state.expectsSubcommand) {
      const next = here.subcommands && Object.hasOwn(here.subcommands, word) ? here.subcommands[word] : undefined;
      if (!next) {
        state.lost = true;
        return state;
      }
      state.path.push(next);
      state.expectsSubcommand = next.subcommands !== undefined;
      state.argCount = 0;
    } else state.argCount += 1;
  }
  return state;
}

/** Natural order, so web:2 comes before web:10; deterministic, unlike locale collation. */
export function naturalCompare(a: string, b: string): number {
  const split = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const left = split(a);
  const right = split(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] as string;
    const y = right[i] as string;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y) && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** The cluster named on the line (by name or ARN), to narrow services, tasks and instances. */
function clusterOnLine(given: ReadonlyMap<string, string[]>): string | undefined {
  const value = given.get('--cluster')?.[0];
  return value === undefined ? undefined : lastPart(value);
}

/** Values a resource kind offers now; `typed` is the word so far (full ARNs only once it starts "arn:"). */
function resourceValues(
  source: ValueSource,
  context: CompletionContext,
  given: ReadonlyMap<string, string[]>,
  typed: string,
): readonly string[] {
  if (typeof source !== 'string') return source;
  const r = context.resources;
  const cluster = clusterOnLine(given);
  const inCluster = <T extends { cluster: string }>(items: T[]) =>
    cluster === undefined ? items : items.filter((i) => i.cluster === cluster);
  const arns = typed.startsWith('arn:');
  switch (source) {
    case 'cluster':
      return r.clusters;
    case 'service':
      return inCluster(r.services).map((s) => (arns ? s.arn : s.name));
    case 'task-definition':
      if (arns) return r.taskDefinitions.map((d) => d.arn);
      return [...r.taskDefinitions.map((d) => d.family), ...r.taskDefinitions.map((d) => `${d.family}:${d.revision}`)];
    case 'family':
      return r.taskDefinitions.map((d) => d.family);
    case 'task':
      return inCluster(r.tasks).map((t) => (arns ? t.arn : t.id));
    case 'container-instance':
      return inCluster(r.containerInstances).map((c) => (arns ? c.arn : c.id));
    case 'resource-arn':
      return [
        ...r.services.map((s) => s.arn),
        ...r.tasks.map((t) => t.arn),
        ...r.taskDefinitions.map((d) => d.arn),
        ...r.containerInstances.map((c) => c.arn),
      ];
    case 'ec2-instance':
      return r.ec2Instances;
    case 'instance-type':
      return r.instanceTypes;
    case 'repository':
      return r.repositories;
    case 'log-group':
      return r.logGroups.map((g) => g.name);
    case 'log-stream': {
      const group = given.get('--log-group-name')?.[0];
      return r.logGroups.filter((g) => group === undefined || g.name === group).flatMap((g) => g.streams);
    }
    case 'target-group-arn':
      return r.targetGroups.map((t) => t.arn);
    case 'target-group-name':
      return r.targetGroups.map((t) => t.name);
    case 'load-balancer-arn':
      return r.loadBalancers.map((l) => l.arn);
    case 'load-balancer-name':
      return r.loadBalancers.map((l) => l.name);
    case 'forward-action':
      return r.targetGroups.map((t) => `Type=forward,TargetGroupArn=${t.arn}`);
    case 'vpc':
      return r.vpcs;
    case 'vpc-filter':
      return r.vpcs.map((vpc) => `Name=vpc-id,Values=${vpc}`);
    case 'subnet':
      return r.subnets;
    case 'security-group':
      return r.securityGroups;
    case 'network-configuration':
      // The shorthand a learner would otherwise copy from the docs, with this account's ids.
      return r.subnets.length === 0
        ? []
        : [
            `awsvpcConfiguration={subnets=[${r.subnets.join(',')}],securityGroups=[${r.securityGroups.join(',')}],assignPublicIp=ENABLED}`,
          ];
    case 'region':
      return [r.region];
    case 'local-image':
      return r.localImages;
    case 'ecr-image':
      // Ends with ":" so completion stops there and the learner types the tag.
      return r.registry === '' ? [] : r.repositories.map((name) => `${r.registry}/${name}:`);
    case 'registry':
      return r.registry === '' ? [] : [r.registry];
    case 'url':
      return r.loadBalancers.map((l) => `http://${l.dnsName}/`);
    case 'file':
      return context.files;
    case 'glossary-term':
      return context.glossary;
  }
}

const FILE_SCHEMES = ['file://', 'fileb://'];

/** `file://NAME` for each file, when the word so far could be the start of one. */
function fileValues(files: readonly string[], typed: string): string[] {
  const scheme = FILE_SCHEMES.find((s) => typed.startsWith(s)) ?? (typed.length > 0 ? undefined : 'file://');
  if (scheme) return files.map((f) => scheme + f);
  return 'file://'.startsWith(typed) ? files.map((f) => `file://${f}`) : [];
}

/** What the option's value may be, as plain words. */
function optionValues(option: OptionSpec, context: CompletionContext, walked: Walk, typed: string): string[] {
  const values = option.values ? [...resourceValues(option.values, context, walked.given, typed)] : [];
  const withFiles = option.files || typed.startsWith('file://') || typed.startsWith('fileb://');
  return withFiles ? [...values, ...fileValues(context.files, typed)] : values;
}

/** Options not given yet (and never the one being typed), as completion words. */
function optionNames(walked: Walk): string[] {
  return [...optionsOf(walked.path).keys()].filter((name) => !walked.given.has(name));
}

function candidatesFor(context: CompletionContext, words: readonly string[], typed: string): string[] {
  const [name, ...rest] = words;
  if (name === undefined) return Object.keys(context.commands);
  const command = Object.hasOwn(context.commands, name) ? context.commands[name] : undefined;
  if (!command) return [];
  const walked = walk(command, rest);
  if (walked.lost) return [];
  const options = optionsOf(walked.path);
  // --option=value: complete the value, keeping the option in front of it.
  const equals = typed.indexOf('=');
  if (typed.startsWith('--') && equals > 0) {
    const option = options.get(typed.slice(0, equals));
    if (!option || option.flag) return [];
    const prefix = typed.slice(0, equals + 1);
    return optionValues(option, context, walked, typed.slice(equals + 1)).map((v) => prefix + v);
  }
  if (typed.startsWith('-')) return optionNames(walked);
  if (walked.pending) return optionValues(walked.pending.spec, context, walked, typed);
  const here = walked.path.at(-1) as CommandSpec;
  if (walked.expectsSubcommand) return Object.keys(here.subcommands ?? {});
  const arg = here.args?.[walked.argCount] ?? here.rest;
  if (arg) return [...resourceValues(arg, context, walked.given, typed)];
  // Nothing positional is expected: the options are what can come next.
  return typed === '' ? optionNames(walked) : [];
}

/**
 * Candidates for the word at the cursor: `line.slice(start, end)` is to be replaced by one of
 * them (each already quoted for the shell). Offsets are UTF-16, like `cursor`.
 */
export function complete(line: string, cursor: number, context: CompletionContext): CompletionResult {
  const safeLine = typeof line === 'string' ? line : '';
  const end = Number.isInteger(cursor) ? Math.max(0, Math.min(cursor, safeLine.length)) : safeLine.length;
  const at = wordsAtCursor(safeLine, end);
  if (at.comment) return { start: end, end, candidates: [] };
  let found: string[];
  try {
    found = candidatesFor(context, at.words, at.current);
  } catch {
    // A context from an unexpected state must not break the terminal: offer nothing.
    found = [];
  }
  const candidates = [...new Set(found)]
    .filter((c) => c !== '' && c.startsWith(at.current))
    .sort(naturalCompare)
    .map((c) => quoteWord(c, at.quote));
  return { start: at.start, end, candidates };
}

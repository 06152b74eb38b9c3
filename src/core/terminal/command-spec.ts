/**
 * The shape of the commands Tab completes, as plain data: subcommands, options and what values
 * each option or positional argument takes. Values are either fixed words or a kind of simulator
 * resource (clusters, services, …) looked up when Tab is pressed.
 */

/** Names that come from the simulated account (or the host's files) at the moment Tab is pressed. */
export type ResourceKind =
  | 'cluster'
  | 'service'
  | 'task-definition'
  | 'family'
  | 'task'
  | 'container-instance'
  | 'resource-arn'
  | 'ec2-instance'
  | 'instance-type'
  | 'repository'
  | 'log-group'
  | 'log-stream'
  | 'target-group-arn'
  | 'target-group-name'
  | 'load-balancer-arn'
  | 'load-balancer-name'
  | 'forward-action'
  | 'vpc'
  /** `Name=vpc-id,Values=vpc-…`, the filter that finds the default VPC's subnets. */
  | 'vpc-filter'
  | 'subnet'
  | 'security-group'
  | 'network-configuration'
  | 'region'
  | 'local-image'
  | 'ecr-image'
  | 'registry'
  | 'url'
  /** The host's files, by plain name (`cat`, `ls`). */
  | 'file'
  /** Glossary entries, by slug (`explain`). */
  | 'glossary-term';

/** Fixed words, or a kind of resource. */
export type ValueSource = readonly string[] | ResourceKind;

export interface OptionSpec {
  /** Takes no value (`--force`, `--password-stdin`). */
  flag?: boolean;
  /** Takes several space-separated values (`--tasks a b c`). */
  list?: boolean;
  values?: ValueSource;
  /** `file://NAME` makes sense here (JSON structures, user data): the host's files are offered. */
  files?: boolean;
}

export interface CommandSpec {
  /** Words that select a more specific command (`aws` → `ecs` → `run-task`). */
  subcommands?: Readonly<Record<string, CommandSpec>>;
  /** Options valid here and below (`aws --output` works after any subcommand). */
  options?: Readonly<Record<string, OptionSpec>>;
  /** What each positional argument after the subcommands takes, in order. */
  args?: readonly ValueSource[];
  /** What every positional argument after those takes (`cat FILE...`). */
  rest?: ValueSource;
}

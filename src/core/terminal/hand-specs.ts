/**
 * Completion for the commands whose options are written by hand rather than generated: the aws
 * subsets for ec2, elbv2 and logs (src/core/cli/ec2.ts, ec2-network.ts, elbv2.ts, logs.ts read their
 * options in code), and `sim`, `docker`, `curl`, `cat`, `ls`, `explain`. A unit test checks these lists against the
 * commands themselves (their usage messages and the options their code reads), so they cannot
 * silently drift apart.
 */
import type { CommandSpec, OptionSpec } from './command-spec.ts';

const value: OptionSpec = {};

/** Accepted anywhere after `aws` (AWS CLI global options the simulated CLI honours). */
export const AWS_GLOBALS: Readonly<Record<string, OptionSpec>> = {
  '--output': { values: ['json', 'table', 'text'] },
  '--query': value,
  '--region': { values: 'region' },
};

export const EC2: CommandSpec = {
  subcommands: {
    'run-instances': {
      options: {
        '--image-id': value,
        '--instance-type': { values: 'instance-type' },
        '--count': value,
        '--iam-instance-profile': { values: ['Name=ecsInstanceRole'] },
        '--user-data': { files: true },
      },
    },
    'describe-instances': { options: { '--instance-ids': { list: true, values: 'ec2-instance' } } },
    'terminate-instances': { options: { '--instance-ids': { list: true, values: 'ec2-instance' } } },
    'describe-vpcs': { options: { '--vpc-ids': { list: true, values: 'vpc' }, '--filters': { list: true } } },
    'describe-subnets': {
      options: { '--subnet-ids': { list: true, values: 'subnet' }, '--filters': { list: true, values: 'vpc-filter' } },
    },
    'describe-security-groups': {
      options: {
        '--group-ids': { list: true, values: 'security-group' },
        '--filters': { list: true, values: 'vpc-filter' },
      },
    },
  },
};

export const ELBV2: CommandSpec = {
  subcommands: {
    'create-target-group': {
      options: {
        '--name': value,
        '--protocol': { values: ['HTTP', 'HTTPS'] },
        '--port': value,
        '--vpc-id': { values: 'vpc' },
        '--target-type': { values: ['instance', 'ip'] },
        '--health-check-path': value,
      },
    },
    'create-load-balancer': {
      options: {
        '--name': value,
        '--subnets': { list: true, values: 'subnet' },
        '--security-groups': { list: true, values: 'security-group' },
        '--type': { values: ['application'] },
      },
    },
    'create-listener': {
      options: {
        '--load-balancer-arn': { values: 'load-balancer-arn' },
        '--port': value,
        '--protocol': { values: ['HTTP', 'HTTPS'] },
        '--default-actions': { values: 'forward-action', files: true },
      },
    },
    'describe-target-groups': { options: { '--names': { list: true, values: 'target-group-name' } } },
    'describe-load-balancers': { options: { '--names': { list: true, values: 'load-balancer-name' } } },
    'describe-target-health': { options: { '--target-group-arn': { values: 'target-group-arn' } } },
  },
};

const logGroup: OptionSpec = { values: 'log-group' };

export const LOGS: CommandSpec = {
  subcommands: {
    'create-log-group': { options: { '--log-group-name': value } },
    'delete-log-group': { options: { '--log-group-name': logGroup } },
    'describe-log-groups': { options: { '--log-group-name-prefix': logGroup } },
    'describe-log-streams': { options: { '--log-group-name': logGroup } },
    'get-log-events': {
      options: { '--log-group-name': logGroup, '--log-stream-name': { values: 'log-stream' }, '--limit': value },
    },
    tail: { args: ['log-group'], options: { '--follow': { flag: true } } },
  },
};

export const SIM: CommandSpec = {
  subcommands: {
    'add-instances': {
      options: { '--cluster': { values: 'cluster' }, '--count': value, '--instance-type': { values: 'instance-type' } },
    },
    clock: {},
    cost: { options: { '--prices': { flag: true } } },
    advance: {},
    'kill-task': { args: ['task'], options: { '--cluster': { values: 'cluster' } } },
    'kill-instance': { args: ['ec2-instance'] },
    'fail-health': { args: ['task'] },
    log: {},
    reset: {},
    help: {},
  },
};

export const DOCKER: CommandSpec = {
  subcommands: {
    build: { args: [['.']], options: { '-t': value, '--tag': value } },
    images: {},
    tag: { args: ['local-image', 'ecr-image'] },
    login: {
      args: ['registry'],
      options: { '--username': { values: ['AWS'] }, '-u': { values: ['AWS'] }, '--password-stdin': { flag: true } },
    },
    push: { args: ['local-image'] },
    help: {},
  },
};

export const CURL: CommandSpec = { args: ['url'] };

export const FILES: CommandSpec = { rest: 'file' };

export const EXPLAIN: CommandSpec = { args: ['glossary-term'] };

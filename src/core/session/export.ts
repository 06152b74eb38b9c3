/**
 * Export to real AWS: from the command lines a learner ran in the simulator (with their exit codes)
 * and the simulator's final state, two bash scripts for a real account:
 *
 * - the session script redoes the session: it keeps the `aws` and `docker` lines (and `sleep`),
 *   turns `sim advance` into `sleep` and `sim add-instances` into `aws ec2 run-instances`, leaves
 *   out what failed or only existed in the simulator (as comments that say why), writes the files
 *   the lines read through file://, and puts the real account, Region, default VPC and load
 *   balancer names in place of the simulator's;
 * - the clean-up script deletes everything that exists in the final state, in dependency order,
 *   looking real identifiers up by name.
 *
 * Pure: strings in, strings out. Every command is a real AWS CLI v2 command.
 */
import { ShellSyntaxError, tokenize } from '../cli/tokenize.ts';
import { dollars, hourlyRate, PRICE_REGION, PRICES_CHECKED } from '../sim/cost.ts';
import { INSTANCE_TYPES } from '../sim/ecs/container-instances.ts';
import type { SimState } from '../sim/state.ts';

/** One command line the learner ran, in order. */
export interface ExportEntry {
  line: string;
  /** Its exit code in the simulator: lines that failed are left out. Absent: kept (unknown). */
  exitCode?: number;
  /** Contents of the files the line read through file:// (as a session's LogEntry records them). */
  files?: Readonly<Record<string, string>>;
}

export interface ExportOptions {
  /** File name the session script tells the learner to run afterwards. */
  cleanupScriptName?: string;
}

export interface ExportedSession {
  /** Bash script that redoes the session in a real account. */
  script: string;
  /** Bash script that deletes everything the final state holds. */
  cleanup: string;
  /** How many lines the session script runs, and how many it left out. */
  kept: number;
  skipped: number;
}

export const SESSION_SCRIPT_NAME = 'ecs-academy-session.sh';
export const CLEANUP_SCRIPT_NAME = 'ecs-academy-cleanup.sh';

/** A piece of a shell word: literal text, or bash code that expands to the real value. */
export type ShellWordPart = { text: string } | { expand: string };

interface Substitution {
  find: string;
  expand: string;
  /** Variables and helper functions the expansion relies on. */
  needs: string[];
  /** Whether a match at [start, end) of text stands alone (absent: any match counts). */
  alone?: (text: string, start: number, end: number) => boolean;
}

/** The account id, not a run of digits inside a longer number. */
const aloneNumber = (text: string, start: number, end: number) =>
  !/\d/.test(text[start - 1] ?? '') && !/\d/.test(text[end] ?? '');

/** The Region as a Region (us-east-1) or an Availability Zone (us-east-1a), not part of a name like us-east-1-web. */
const aloneRegion = (text: string, start: number, end: number) => {
  if (/[\w-]/.test(text[start - 1] ?? '')) return false;
  const after = text.slice(end, end + 2);
  return !/^[\w-]/.test(after) || /^[a-z](?![\w-])/.test(after);
};

/** Lookups by name for identifiers that differ between the simulator and AWS. */
const HELPERS: Record<string, string> = {
  load_balancer_arn: `load_balancer_arn() { aws elbv2 describe-load-balancers --names "$1" --query 'LoadBalancers[0].LoadBalancerArn' --output text; }`,
  load_balancer_dns: `load_balancer_dns() { aws elbv2 describe-load-balancers --names "$1" --query 'LoadBalancers[0].DNSName' --output text; }`,
  target_group_arn: `target_group_arn() { aws elbv2 describe-target-groups --names "$1" --query 'TargetGroups[0].TargetGroupArn' --output text; }`,
  listener_arn:
    'listener_arn() { aws elbv2 describe-listeners --load-balancer-arn "$(load_balancer_arn "$1")" --query "Listeners[?Port==\\`$2\\`].ListenerArn | [0]" --output text; }',
};
const HELPER_ORDER = ['load_balancer_arn', 'load_balancer_dns', 'target_group_arn', 'listener_arn'];

/** How the session script finds the default VPC the simulator's one stands for. */
const VPC_LOOKUP = `VPC_ID=$(aws ec2 describe-vpcs --filters Name=is-default,Values=true --query 'Vpcs[0].VpcId' --output text)`;
const subnetLookup = (n: number) =>
  `SUBNET_${n}=$(aws ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC_ID" Name=default-for-az,Values=true --query 'sort_by(Subnets, &AvailabilityZone)[${n - 1}].SubnetId' --output text)`;
const SECURITY_GROUP_LOOKUP = `SECURITY_GROUP_ID=$(aws ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC_ID" Name=group-name,Values=default --query 'SecurityGroups[0].GroupId' --output text)`;

/** A bash variable reference: ${NAME}. */
const variable = (name: string) => `\${${name}}`;

const nameOf = (arn: string | undefined) => (arn ?? '').split('/').at(-1) ?? '';

/** The simulator's identifiers and what stands for each in a real account. */
function substitutions(state: SimState): Substitution[] {
  const list: Substitution[] = [];
  const elb = state.elb;
  for (const listener of Object.values(elb.listeners)) {
    const lb = elb.loadBalancers[listener.LoadBalancerArn];
    if (!lb) continue;
    list.push({
      find: listener.ListenerArn,
      expand: `$(listener_arn ${lb.LoadBalancerName} ${listener.Port})`,
      needs: ['listener_arn', 'load_balancer_arn'],
    });
  }
  for (const lb of Object.values(elb.loadBalancers)) {
    list.push({
      find: lb.LoadBalancerArn,
      expand: `$(load_balancer_arn ${lb.LoadBalancerName})`,
      needs: ['load_balancer_arn'],
    });
    list.push({
      find: lb.DNSName,
      expand: `$(load_balancer_dns ${lb.LoadBalancerName})`,
      needs: ['load_balancer_dns'],
    });
  }
  for (const group of Object.values(elb.targetGroups)) {
    list.push({
      find: group.TargetGroupArn,
      expand: `$(target_group_arn ${group.TargetGroupName})`,
      needs: ['target_group_arn'],
    });
  }
  const network = state.network;
  list.push({ find: network.vpcId, expand: variable('VPC_ID'), needs: ['VPC_ID'] });
  network.subnets.forEach((subnet, i) => {
    list.push({ find: subnet.id, expand: variable(`SUBNET_${i + 1}`), needs: ['VPC_ID', `SUBNET_${i + 1}`] });
  });
  list.push({
    find: network.securityGroupId,
    expand: variable('SECURITY_GROUP_ID'),
    needs: ['VPC_ID', 'SECURITY_GROUP_ID'],
  });
  list.push({ find: state.account, expand: variable('AWS_ACCOUNT_ID'), needs: [], alone: aloneNumber });
  list.push({ find: state.region, expand: variable('AWS_REGION'), needs: [], alone: aloneRegion });
  // Longest first, so an ARN is replaced whole before the account id inside it.
  return list.filter((s) => s.find !== '').sort((a, b) => b.find.length - a.find.length);
}

/** Identifiers that exist only in the simulator (random ids AWS will not reproduce). */
function simulatorOnly(state: SimState): { find: string; what: string }[] {
  const list: { find: string; what: string }[] = [];
  for (const record of Object.values(state.tasks)) {
    list.push({ find: nameOf(record.task.taskArn), what: 'task' });
    for (const attachment of record.task.attachments ?? []) {
      for (const detail of attachment.details ?? []) {
        if (detail.name === 'networkInterfaceId' && detail.value)
          list.push({ find: detail.value, what: 'network interface' });
        if (detail.name === 'privateIPv4Address' && detail.value)
          list.push({ find: detail.value, what: 'private IP address' });
      }
    }
  }
  for (const record of Object.values(state.containerInstances)) {
    list.push({ find: nameOf(record.instance.containerInstanceArn), what: 'container instance' });
    list.push({ find: record.ec2InstanceId, what: 'EC2 instance' });
    list.push({ find: record.privateIp, what: 'private IP address' });
  }
  for (const images of Object.values(state.ecr.images)) {
    for (const image of images) {
      if (image.detail.imageDigest) list.push({ find: image.detail.imageDigest, what: 'image digest' });
    }
  }
  for (const image of state.docker.images) {
    list.push({ find: image.digest, what: 'image digest' });
    list.push({ find: image.id, what: 'local image id' });
  }
  for (const service of Object.values(state.services)) {
    for (const deployment of service.service.deployments ?? []) {
      if (deployment.id) list.push({ find: deployment.id, what: 'deployment' });
    }
  }
  return list.filter((s) => s.find.length >= 6);
}

/** Splits text into literal parts and expansions for the simulator's identifiers in it. */
function rewrite(text: string, subs: Substitution[], needs: Set<string>): ShellWordPart[] {
  const parts: ShellWordPart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const sub = subs.find(
      (s) => text.startsWith(s.find, i) && (s.alone === undefined || s.alone(text, i, i + s.find.length)),
    );
    if (sub) {
      if (literal !== '') parts.push({ text: literal });
      literal = '';
      parts.push({ expand: sub.expand });
      for (const need of sub.needs) needs.add(need);
      i += sub.find.length;
    } else {
      literal += text[i];
      i += 1;
    }
  }
  if (literal !== '') parts.push({ text: literal });
  return parts;
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One shell word that bash reads back exactly: bare, 'single-quoted', or "double-quoted" with expansions. */
export function shellWord(parts: readonly ShellWordPart[]): string {
  if (parts.every((p) => 'text' in p)) {
    const text = parts.map((p) => ('text' in p ? p.text : '')).join('');
    return SAFE_WORD.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
  }
  return `"${parts.map((p) => ('text' in p ? p.text.replace(/[\\"$`]/g, '\\$&') : p.expand)).join('')}"`;
}

const quote = (text: string) => shellWord([{ text }]);

/** A here-document writing one file, with the simulator's identifiers replaced. */
function writeFile(name: string, content: string, subs: Substitution[], needs: Set<string>): string[] {
  const parts = rewrite(content, subs, needs);
  const expands = parts.some((p) => 'expand' in p);
  const body = parts
    .map((p) => ('text' in p ? (expands ? p.text.replace(/[\\$`]/g, '\\$&') : p.text) : p.expand))
    .join('');
  let delimiter = 'ECS_ACADEMY_EOF';
  while (content.split('\n').includes(delimiter)) delimiter += '_';
  const dir = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '';
  return [
    ...(dir !== '' ? [`mkdir -p ${quote(dir)}`] : []),
    `cat > ${quote(name)} <<${expands ? delimiter : `'${delimiter}'`}`,
    ...body.replace(/\n$/, '').split('\n'),
    delimiter,
  ];
}

const FILE_REFERENCE = /fileb?:\/\/([^\s"'|,]+)/g;
const SAFE_PATH = /^(?!\/)(?!.*\.\.)[\w./-]+$/;

/** A comment line that cannot break out of the comment. */
const comment = (text: string) => `# ${text.replace(/[\r\n]+/g, ' ')}`;

function option(words: string[], name: string): string | undefined {
  const i = words.indexOf(name);
  return i >= 0 ? words[i + 1] : undefined;
}

/** `sim add-instances` as what it stands for on AWS: instances that join the cluster. */
function runInstances(words: string[]): string[] | string {
  const cluster = option(words, '--cluster') ?? 'default';
  const count = option(words, '--count') ?? '1';
  const type = option(words, '--instance-type') ?? 't3.medium';
  const spec = INSTANCE_TYPES[type];
  if (!spec || !/^[A-Za-z0-9_-]+$/.test(cluster) || !/^\d+$/.test(count)) return 'not a valid sim add-instances';
  const ami = `/aws/service/ecs/optimized-ami/amazon-linux-2023/${spec.architecture === 'arm64' ? 'arm64/' : ''}recommended/image_id`;
  return [
    comment(
      "sim add-instances is the simulator's shortcut; on AWS the instances boot the ECS-optimized AMI and join the cluster named in their user data:",
    ),
    `aws ec2 run-instances --image-id resolve:ssm:${ami} --instance-type ${type} --count ${count} --iam-instance-profile Name=ecsInstanceRole --user-data "$(printf '#!/bin/bash\\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config\\n')"`,
  ];
}

interface Translation {
  /** Lines to emit (commands, here-documents, comments). */
  lines: string[];
  kept: boolean;
}

interface Context {
  subs: Substitution[];
  simOnly: { find: string; what: string }[];
  needs: Set<string>;
  /** Files written so far, by name, with the content written. */
  written: Map<string, string>;
  /** Files lines read that the export has no content for. */
  missingFiles: Set<string>;
  instanceProfiles: Set<string>;
  dockerBuild: boolean;
  dnsNames: string[];
}

const skip = (reason: string, line: string): Translation => ({
  lines: [comment(`skipped (${reason}): ${line}`)],
  kept: false,
});

function translate(entry: ExportEntry, context: Context): Translation {
  const line = entry.line.trim();
  let stages: string[][];
  try {
    stages = tokenize(line).stages;
  } catch (error) {
    if (error instanceof ShellSyntaxError) return skip('not a command the terminal runs', line);
    throw error;
  }
  const first = stages[0] ?? [];
  if (first.length === 0) return { lines: [], kept: false };
  if (entry.exitCode !== undefined && entry.exitCode !== 0)
    return skip(`failed in the simulator with exit code ${entry.exitCode}`, line);
  const command = first[0] as string;
  const rendered = (words: string[][]) =>
    words.map((stage) => stage.map((w) => shellWord(rewrite(w, context.subs, context.needs))).join(' ')).join(' | ');

  switch (command) {
    case 'sleep':
      return stages.length === 1 && /^\d+(\.\d+)?$/.test(first[1] ?? '')
        ? { lines: [`sleep ${first[1]}`], kept: true }
        : skip('not a sleep the export understands', line);
    case 'sim': {
      if (first[1] === 'advance' && /^\d+(\.\d+)?$/.test(first[2] ?? ''))
        return { lines: [comment(line), `sleep ${first[2]}`], kept: true };
      if (first[1] === 'add-instances') {
        const lines = runInstances(first);
        if (typeof lines === 'string') return skip(lines, line);
        context.instanceProfiles.add('ecsInstanceRole');
        return { lines, kept: true };
      }
      return skip('exists only in the simulator', line);
    }
    case 'curl': {
      if (!context.dnsNames.some((dns) => first.some((w) => w.includes(dns))))
        return skip('reaches an address inside the simulated VPC', line);
      return {
        lines: [
          `${rendered(stages)} || echo 'curl failed: a new load balancer takes a few minutes to answer, and the default security group lets no traffic in' >&2`,
        ],
        kept: true,
      };
    }
    case 'aws':
    case 'docker':
      break;
    default:
      return skip(
        ['echo', 'help', 'ls', 'cat', 'clear'].includes(command)
          ? 'only prints in the terminal'
          : `${command} is not an aws or docker command`,
        line,
      );
  }
  const other = stages.find((stage) => stage[0] !== 'aws' && stage[0] !== 'docker');
  if (other) return skip(`pipes into ${other[0]}`, line);
  if (stages.some((stage) => stage[0] === 'aws' && (stage[1] === 'help' || stage.at(-1) === 'help')))
    return skip('help', line);
  for (const stage of stages) {
    for (const word of stage) {
      const only = context.simOnly.find((s) => word.includes(s.find));
      if (only) return skip(`names the ${only.what} ${only.find}, which only existed in the simulator`, line);
    }
  }
  if (first[0] === 'docker' && first[1] === 'build') context.dockerBuild = true;
  const profile = stages.map((stage) => option(stage, '--iam-instance-profile')).find((p) => p !== undefined);
  if (profile) context.instanceProfiles.add(profile.replace(/^(Name|Arn)=/, ''));

  const lines: string[] = [];
  for (const word of stages.flat()) {
    for (const match of word.matchAll(FILE_REFERENCE)) {
      const name = (match[1] ?? '').replace(/^\.\//, '');
      const content = entry.files?.[name];
      if (content === undefined || !SAFE_PATH.test(name)) {
        if (!context.written.has(name)) context.missingFiles.add(name);
        continue;
      }
      if (context.written.get(name) === content) continue;
      context.written.set(name, content);
      context.missingFiles.delete(name);
      lines.push(...writeFile(name, content, context.subs, context.needs));
    }
  }
  lines.push(rendered(stages));
  return { lines, kept: true };
}

/** The lines after the last successful `sim reset`: what built the final state. */
function sinceLastReset(entries: readonly ExportEntry[]): readonly ExportEntry[] {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as ExportEntry;
    if (/^\s*sim\s+reset\s*$/.test(entry.line) && (entry.exitCode ?? 0) === 0) return entries.slice(i + 1);
  }
  return entries;
}

/** Lines framed in #, for the warning nobody should miss. */
function box(lines: string[]): string[] {
  const width = Math.max(...lines.map((l) => l.length));
  const rule = `# ${'#'.repeat(width + 6)}`;
  return [rule, ...lines.map((l) => `# #  ${l.padEnd(width)}  #`), rule];
}

const simTime = (state: SimState) => `${new Date(state.now).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** Role names the task definitions of the final state name. */
function roles(state: SimState): string[] {
  const names = new Set<string>();
  for (const revisions of Object.values(state.taskDefinitions)) {
    for (const def of revisions) {
      for (const arn of [def.executionRoleArn, def.taskRoleArn]) if (arn) names.add(nameOf(arn));
    }
  }
  return [...names].sort();
}

const REGION_SETUP = [
  `AWS_REGION=\${AWS_REGION:-\${AWS_DEFAULT_REGION:-$(aws configure get region || true)}}`,
  'if [ -z "$AWS_REGION" ]; then',
  '  echo "Choose a Region first, for example: export AWS_REGION=us-east-1" >&2',
  '  exit 1',
  'fi',
  'export AWS_REGION AWS_DEFAULT_REGION="$AWS_REGION"',
  '# No pager: the AWS CLI would otherwise stop and wait on long output.',
  'export AWS_PAGER=""',
];

const confirm = (what: string) => [
  `if [ "\${ECS_ACADEMY_YES:-}" != 1 ]; then`,
  `  read -r -p "${what} Type yes to go on: " answer`,
  '  [ "$answer" = yes ] || { echo "Nothing was done."; exit 1; }',
  'fi',
];

/** The session script: the learner's session, redone in a real account. */
export function sessionScript(
  entries: readonly ExportEntry[],
  state: SimState,
  options: ExportOptions = {},
): { script: string; kept: number; skipped: number } {
  const cleanupName = options.cleanupScriptName ?? CLEANUP_SCRIPT_NAME;
  const context: Context = {
    subs: substitutions(state),
    simOnly: simulatorOnly(state),
    needs: new Set(),
    written: new Map(),
    missingFiles: new Set(),
    instanceProfiles: new Set(),
    dockerBuild: false,
    dnsNames: Object.values(state.elb.loadBalancers).map((lb) => lb.DNSName),
  };
  const body: string[] = [];
  let kept = 0;
  let skipped = 0;
  const relevant = sinceLastReset(entries);
  if (relevant.length < entries.length) {
    body.push(comment(`${entries.length - relevant.length} earlier lines, before the last sim reset, are left out.`));
  }
  for (const entry of relevant) {
    const t = translate(entry, context);
    body.push(...t.lines);
    if (t.kept) kept += 1;
    else if (t.lines.length > 0) skipped += 1;
  }

  const rate = hourlyRate(state).totalUsd;
  const prerequisites = [
    '#   - AWS CLI v2, signed in to the sandbox account (aws sts get-caller-identity works).',
    ...(context.dockerBuild
      ? [
          '#   - Docker, run in a folder holding the Dockerfile your docker build lines use',
          '#     (build with --platform linux/amd64 for X86_64 tasks on an ARM computer).',
        ]
      : []),
    ...roles(state).map((role) => `#   - the IAM role ${role}, which your task definitions name.`),
    ...[...context.instanceProfiles]
      .sort()
      .map(
        (profile) => `#   - the EC2 instance profile ${profile}, with the AmazonEC2ContainerServiceforEC2Role policy.`,
      ),
    ...[...context.missingFiles]
      .sort()
      .map((name) => `#   - the file ${name} in this folder (the export has no copy of it).`),
    ...(Object.keys(state.elb.loadBalancers).length > 0
      ? ['#   - to reach a load balancer from your computer, a security group rule that lets port 80 in.']
      : []),
  ];
  const header = [
    '#!/usr/bin/env bash',
    '#',
    ...box([
      'WARNING: THIS SCRIPT CREATES REAL AWS RESOURCES THAT COST REAL MONEY.',
      'Run it only in a sandbox account that you can afford to experiment in,',
      'never in an account that runs anything that matters.',
    ]),
    '#',
    `# It redoes, against the AWS account your credentials point at, the ECS Academy`,
    `# session exported at simulated time ${simTime(state)}: ${kept} command${kept === 1 ? '' : 's'} kept,`,
    `# ${skipped} left out (each marked "skipped" below, with the reason).`,
    '#',
    `# While everything it leaves running keeps running, AWS charges about ${dollars(rate)} per hour`,
    `# (${PRICE_REGION} on-demand prices checked ${PRICES_CHECKED}; data transfer, LCUs, public IPv4`,
    '# addresses, EBS volumes and CloudWatch Logs come on top). Fargate tasks and EC2 instances bill',
    '# by the second, load balancers by the hour, until you delete them:',
    `#     bash ${cleanupName}`,
    '#',
    '# Before you run it:',
    ...prerequisites,
    '#',
    '# Names and revision numbers are the ones you used in the simulator; a task definition',
    '# family that already exists in the account gets higher revision numbers.',
    '',
    'set -euo pipefail',
    '',
    'AWS_ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)',
    ...REGION_SETUP,
    '',
    'echo "Account $AWS_ACCOUNT_ID, Region $AWS_REGION."',
    ...confirm('This creates billable resources in that account.'),
  ];
  const lookups: string[] = [];
  if (context.needs.has('VPC_ID')) {
    lookups.push('', '# The default VPC, its subnets (one per Availability Zone) and its default security group.');
    lookups.push(VPC_LOOKUP);
    for (let n = 1; n <= state.network.subnets.length; n++)
      if (context.needs.has(`SUBNET_${n}`)) lookups.push(subnetLookup(n));
    if (context.needs.has('SECURITY_GROUP_ID')) lookups.push(SECURITY_GROUP_LOOKUP);
  }
  const helpers = HELPER_ORDER.filter((h) => context.needs.has(h));
  if (helpers.length > 0) {
    lookups.push('', "# Real ARNs and DNS names differ from the simulator's: these look them up by name.");
    lookups.push(...helpers.map((h) => HELPERS[h] as string));
  }
  const footer = ['', 'echo', `echo "Done. To delete everything this session created: bash ${cleanupName}"`];
  const script = [...header, ...lookups, '', '# The session', ...body, ...footer].join('\n');
  return { script: `${script}\n`, kept, skipped };
}

/** Splits a list into chunks of at most `size` (AWS calls that take a bounded list). */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The clean-up script: deletes everything that exists in the final state, in dependency order. */
export function cleanupScript(state: SimState): string {
  const clusterName = (arn: string | undefined) => nameOf(arn);
  const services = Object.values(state.services)
    .map((r) => r.service)
    .filter((s) => s.status === 'ACTIVE');
  const standalone = new Map<string, Set<string>>();
  for (const record of Object.values(state.tasks)) {
    const task = record.task;
    if (record.serviceArn || task.lastStatus === 'STOPPED' || task.desiredStatus !== 'RUNNING') continue;
    const cluster = clusterName(task.clusterArn);
    const family = nameOf(task.taskDefinitionArn).split(':')[0] ?? '';
    standalone.set(cluster, (standalone.get(cluster) ?? new Set()).add(family));
  }
  const instanceClusters = [
    ...new Set(
      Object.values(state.containerInstances)
        .filter((r) => r.instance.status !== 'INACTIVE')
        .map((r) => r.clusterName),
    ),
  ].sort();
  const loadBalancers = Object.values(state.elb.loadBalancers).map((lb) => lb.LoadBalancerName);
  const targetGroups = Object.values(state.elb.targetGroups).map((g) => g.TargetGroupName);
  const revisions = Object.values(state.taskDefinitions).flat();
  const active = revisions.filter((d) => d.status === 'ACTIVE').map((d) => `${d.family}:${d.revision}`);
  const deletable = revisions
    .filter((d) => d.status === 'ACTIVE' || d.status === 'INACTIVE')
    .map((d) => `${d.family}:${d.revision}`);
  const repositories = Object.keys(state.ecr.repositories).sort();
  const logGroups = Object.keys(state.logs).sort();
  const clusters = Object.values(state.clusters)
    .filter((c) => c.status === 'ACTIVE')
    .map((c) => c.clusterName as string);

  const what = [
    services.length > 0 ? `${services.length} service${services.length === 1 ? '' : 's'}` : '',
    instanceClusters.length > 0 ? `the EC2 instances of ${instanceClusters.join(', ')}` : '',
    loadBalancers.length > 0 ? `load balancers ${loadBalancers.join(', ')}` : '',
    targetGroups.length > 0 ? `target groups ${targetGroups.join(', ')}` : '',
    deletable.length > 0 ? `task definitions ${deletable.join(', ')}` : '',
    repositories.length > 0 ? `ECR repositories ${repositories.join(', ')} (with their images)` : '',
    logGroups.length > 0 ? `log groups ${logGroups.join(', ')} (with their logs)` : '',
    clusters.length > 0 ? `clusters ${clusters.join(', ')}` : '',
  ].filter((w) => w !== '');

  const lines = [
    '#!/usr/bin/env bash',
    '#',
    '# ECS Academy clean-up: deletes, in the AWS account your credentials point at, everything the',
    `# simulated session held at ${simTime(state)}, so that nothing keeps billing:`,
    ...(what.length > 0 ? what.map((w) => `#   - ${w}`) : ['#   (nothing: the session left nothing behind)']),
    '#',
    '# It finds the real resources by name. It deletes them whether or not this session created them:',
    '# read the list, and run it only in the sandbox account you ran the session in. A step that fails',
    '# (because the resource is already gone, say) is reported and the clean-up goes on; run it again',
    '# until it ends without failures. It does not delete IAM roles, security group rules or local',
    '# Docker images.',
    '',
    'set -uo pipefail',
    '',
    ...REGION_SETUP,
    '',
    'echo "Region $AWS_REGION."',
    ...confirm('This deletes the resources listed at the top of this script.'),
    '',
    'failures=0',
    '# Runs one step; a failed step is counted and reported, and the clean-up goes on.',
    'run() {',
    '  echo "+ $*"',
    '  "$@" >/dev/null || { failures=$((failures + 1)); echo "  (that step failed; carrying on)" >&2; }',
    '}',
  ];
  const needsHelpers = loadBalancers.length > 0 || targetGroups.length > 0;
  if (needsHelpers) {
    lines.push(HELPERS.load_balancer_arn as string, HELPERS.target_group_arn as string);
  }

  if (services.length > 0) {
    lines.push('', '# 1. Services: scale to zero, delete (--force: even with tasks left), wait until they are gone.');
    const byCluster = new Map<string, string[]>();
    for (const s of services) {
      const cluster = clusterName(s.clusterArn);
      if (s.schedulingStrategy !== 'DAEMON')
        lines.push(
          `run aws ecs update-service --cluster ${quote(cluster)} --service ${quote(s.serviceName ?? '')} --desired-count 0`,
        );
      lines.push(
        `run aws ecs delete-service --cluster ${quote(cluster)} --service ${quote(s.serviceName ?? '')} --force`,
      );
      byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), s.serviceName ?? '']);
    }
    for (const [cluster, names] of byCluster) {
      for (const group of chunks(names, 10))
        lines.push(
          `run aws ecs wait services-inactive --cluster ${quote(cluster)} --services ${group.map(quote).join(' ')}`,
        );
    }
  }
  if (standalone.size > 0) {
    lines.push('', '# 2. Standalone tasks (started with run-task) that still run: stop them and wait.');
    for (const [cluster, families] of [...standalone].sort(([a], [b]) => a.localeCompare(b))) {
      for (const family of [...families].sort()) {
        lines.push(
          `tasks=$(aws ecs list-tasks --cluster ${quote(cluster)} --family ${quote(family)} --desired-status RUNNING --query 'taskArns[]' --output text)`,
          'for task in $tasks; do',
          `  run aws ecs stop-task --cluster ${quote(cluster)} --task "$task" --reason 'ECS Academy clean-up'`,
          'done',
          `if [ -n "$tasks" ]; then run aws ecs wait tasks-stopped --cluster ${quote(cluster)} --tasks $tasks; fi`,
        );
      }
    }
  }
  if (instanceClusters.length > 0) {
    lines.push('', '# 3. EC2 capacity: deregister the container instances, terminate their EC2 instances, wait.');
    for (const cluster of instanceClusters) {
      lines.push(
        `instances=$(aws ecs list-container-instances --cluster ${quote(cluster)} --query 'containerInstanceArns[]' --output text)`,
        'if [ -n "$instances" ]; then',
        `  ec2_ids=$(aws ecs describe-container-instances --cluster ${quote(cluster)} --container-instances $instances --query 'containerInstances[].ec2InstanceId' --output text)`,
        '  for instance in $instances; do',
        `    run aws ecs deregister-container-instance --cluster ${quote(cluster)} --container-instance "$instance" --force`,
        '  done',
        '  run aws ec2 terminate-instances --instance-ids $ec2_ids',
        '  run aws ec2 wait instance-terminated --instance-ids $ec2_ids',
        'fi',
      );
    }
  }
  if (loadBalancers.length > 0) {
    lines.push('', '# 4. Load balancers: their listeners first, then the load balancer; wait until it is gone.');
    for (const name of loadBalancers) {
      lines.push(
        `lb=$(load_balancer_arn ${quote(name)})`,
        'if [ -n "$lb" ]; then',
        `  for listener in $(aws elbv2 describe-listeners --load-balancer-arn "$lb" --query 'Listeners[].ListenerArn' --output text); do`,
        '    run aws elbv2 delete-listener --listener-arn "$listener"',
        '  done',
        '  run aws elbv2 delete-load-balancer --load-balancer-arn "$lb"',
        '  run aws elbv2 wait load-balancers-deleted --load-balancer-arns "$lb"',
        'fi',
      );
    }
  }
  if (targetGroups.length > 0) {
    lines.push('', '# 5. Target groups (free, but they stop a new one of the same name with other settings).');
    for (const name of targetGroups) {
      lines.push(
        `tg=$(target_group_arn ${quote(name)})`,
        'if [ -n "$tg" ]; then run aws elbv2 delete-target-group --target-group-arn "$tg"; fi',
      );
    }
  }
  if (deletable.length > 0) {
    lines.push('', '# 6. Task definitions: deregister each active revision, then delete them (10 per call).');
    for (const revision of active)
      lines.push(`run aws ecs deregister-task-definition --task-definition ${quote(revision)}`);
    for (const group of chunks(deletable, 10))
      lines.push(`run aws ecs delete-task-definitions --task-definitions ${group.map(quote).join(' ')}`);
  }
  if (repositories.length > 0) {
    lines.push('', '# 7. ECR repositories, with every image in them (--force).');
    for (const name of repositories)
      lines.push(`run aws ecr delete-repository --repository-name ${quote(name)} --force`);
  }
  if (logGroups.length > 0) {
    lines.push('', '# 8. CloudWatch Logs log groups, with their log streams.');
    for (const name of logGroups) lines.push(`run aws logs delete-log-group --log-group-name ${quote(name)}`);
  }
  if (clusters.length > 0) {
    lines.push('', '# 9. Clusters, last: a cluster with services, tasks or instances cannot be deleted.');
    for (const name of clusters) lines.push(`run aws ecs delete-cluster --cluster ${quote(name)}`);
  }
  lines.push(
    '',
    'if [ "$failures" -gt 0 ]; then',
    '  echo "$failures step(s) failed. Run this script again, or look in the AWS console for what is left." >&2',
    '  exit 1',
    'fi',
    'echo "Clean-up finished: nothing from the session is left to bill."',
  );
  return `${lines.join('\n')}\n`;
}

/** Both scripts for a session: the command lines run (in order) and the state they led to. */
export function exportSession(
  entries: readonly ExportEntry[],
  state: SimState,
  options: ExportOptions = {},
): ExportedSession {
  const session = sessionScript(entries, state, options);
  return { script: session.script, cleanup: cleanupScript(state), kept: session.kept, skipped: session.skipped };
}

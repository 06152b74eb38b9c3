// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the expected scripts are bash, where ${NAME} is a variable.
/**
 * Export to real AWS: a realistic session (cluster, ECR push, task definition from a file, a
 * Fargate service behind an application load balancer, a standalone task, EC2 capacity) becomes a
 * bash script that redoes it and a clean-up script that deletes what it left.
 *
 * Both scripts are checked as text, and run under bash with stub `aws`, `docker`, `sleep` and `curl`
 * commands that answer lookups with the simulator's own identifiers: the commands bash then runs
 * must be exactly the words the simulator ran.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../../../src/core/cli/shell.ts';
import { tokenize } from '../../../../src/core/cli/tokenize.ts';
import {
  cleanupScript,
  type ExportEntry,
  exportSession,
  sessionScript,
  shellWord,
} from '../../../../src/core/session/export.ts';
import { createSimulator, registerInstances, type Simulator } from '../../../../src/core/sim/index.ts';
import { ec2Def, fargateDef, registerTaskDefinition } from '../sim/helpers.ts';

const ACCOUNT = '123456789012';
const REGISTRY = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
const TASKDEF = readFileSync('content/examples/task-definitions/fargate-web.json', 'utf8').replace(
  'public.ecr.aws/nginx/nginx:1.27',
  `${REGISTRY}/web:latest`,
);

const scratch = mkdtempSync(join(tmpdir(), 'ecs-academy-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs lines in a fresh simulator, recording them as a terminal session would. */
function recorder(seed = 3) {
  const sim = createSimulator({ seed });
  const files: Record<string, string> = { 'taskdef.json': TASKDEF };
  const env = { sim, readFile: (path: string) => files[path.replace(/^\.\//, '')] };
  const entries: ExportEntry[] = [];
  const run = (line: string) => {
    const result = execute(line, env);
    const read = [...line.matchAll(/file:\/\/(\S+)/g)].map((m) => (m[1] as string).replace(/^\.\//, ''));
    const used = Object.fromEntries(read.filter((name) => name in files).map((name) => [name, files[name] as string]));
    entries.push({ line, exitCode: result.exitCode, ...(read.length > 0 ? { files: used } : {}) });
    return result;
  };
  const out = (line: string) => {
    const result = run(line);
    expect(result.exitCode, `${line}\n${result.stderr}`).toBe(0);
    return result.stdout.trim();
  };
  return { sim, files, entries, run, out };
}

/** The session of a learner who deploys a web service behind a load balancer, then experiments. */
function realisticSession() {
  const r = recorder();
  const { sim, out, run } = r;
  const [s1, s2] = sim.state.network.subnets.map((s) => s.id);
  const sg = sim.state.network.securityGroupId;
  out('aws ecs create-cluster --cluster-name academy --query cluster.status');
  out('aws logs create-log-group --log-group-name /ecs/web');
  out('aws ecr create-repository --repository-name web --query repository.repositoryUri --output text');
  out('docker build -t web .');
  out(`docker tag web:latest ${REGISTRY}/web:latest`);
  out(`aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${REGISTRY}`);
  out(`docker push ${REGISTRY}/web:latest`);
  out('aws ecs register-task-definition --cli-input-json file://taskdef.json --query taskDefinition.revision');
  const tg = out(
    `aws elbv2 create-target-group --name web-tg --protocol HTTP --port 80 --vpc-id ${sim.state.network.vpcId} --target-type ip --query "TargetGroups[0].TargetGroupArn" --output text`,
  );
  const lb = out(
    `aws elbv2 create-load-balancer --name web-alb --subnets ${s1} ${s2} --query "LoadBalancers[0].LoadBalancerArn" --output text`,
  );
  out(
    `aws elbv2 create-listener --load-balancer-arn ${lb} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${tg}`,
  );
  // Unquoted braces work in the simulator's terminal; bash would expand them, so the export quotes them.
  out(
    `aws ecs create-service --cluster academy --service-name web --task-definition web:1 --desired-count 2 --launch-type FARGATE --network-configuration awsvpcConfiguration={subnets=[${s1},${s2}],securityGroups=[${sg}],assignPublicIp=ENABLED} --load-balancers targetGroupArn=${tg},containerName=web,containerPort=80`,
  );
  expect(run('aws ecs create-service --cluster academy --service-name oops').exitCode).toBe(254);
  out('sleep 240');
  const dns = out('aws elbv2 describe-load-balancers --names web-alb --output text --query "LoadBalancers[0].DNSName"');
  out(`curl http://${dns}/`);
  out('echo it works');
  const task = out(
    `aws ecs run-task --cluster academy --task-definition web --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[${s1}],assignPublicIp=ENABLED}" --query tasks[0].taskArn --output text`,
  );
  out(`aws ecs wait tasks-running --cluster academy --tasks ${task}`);
  out('sim add-instances --cluster academy --count 2 --instance-type t3.medium');
  out('sim advance 60');
  out('aws ecs describe-services --cluster academy --services web --query services[0].runningCount');
  out('aws ecs describe-services help');
  out('sim cost');
  return { ...r, tg, lb, dns, task, s1, s2, sg };
}

const USER_DATA = '"$(printf \'#!/bin/bash\\necho ECS_CLUSTER=academy >> /etc/ecs/ecs.config\\n\')"';

describe('the session script', () => {
  const session = realisticSession();
  const { script, kept, skipped } = sessionScript(session.entries, session.sim.state);
  const lines = script.split('\n');

  it('opens with a loud warning, strict bash, and the real account and Region', () => {
    expect(lines.slice(0, 8)).toEqual([
      '#!/usr/bin/env bash',
      '#',
      '# ############################################################################',
      '# #  WARNING: THIS SCRIPT CREATES REAL AWS RESOURCES THAT COST REAL MONEY.   #',
      '# #  Run it only in a sandbox account that you can afford to experiment in,  #',
      '# #  never in an account that runs anything that matters.                    #',
      '# ############################################################################',
      '#',
    ]);
    expect(script).toContain('# session exported at simulated time 2026-01-05 09:05:36 UTC: 19 commands kept,\n');
    expect(script).toContain('# 5 left out (each marked "skipped" below, with the reason).\n');
    expect([kept, skipped]).toEqual([19, 5]);
    expect(script).toContain('#     bash ecs-academy-cleanup.sh\n');
    expect(script).toContain('#   - the IAM role ecsTaskExecutionRole, which your task definitions name.\n');
    expect(script).toContain(
      '#   - the EC2 instance profile ecsInstanceRole, with the AmazonEC2ContainerServiceforEC2Role policy.\n',
    );
    expect(script).toMatch(
      /# While everything it leaves running keeps running, AWS charges about \$0\.\d{4} per hour\n/,
    );
    const start = lines.indexOf('set -euo pipefail');
    expect(lines.slice(start, start + 16)).toEqual([
      'set -euo pipefail',
      '',
      'AWS_ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)',
      'AWS_REGION=${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region || true)}}',
      'if [ -z "$AWS_REGION" ]; then',
      '  echo "Choose a Region first, for example: export AWS_REGION=us-east-1" >&2',
      '  exit 1',
      'fi',
      'export AWS_REGION AWS_DEFAULT_REGION="$AWS_REGION"',
      '# No pager: the AWS CLI would otherwise stop and wait on long output.',
      'export AWS_PAGER=""',
      '',
      'echo "Account $AWS_ACCOUNT_ID, Region $AWS_REGION."',
      'if [ "${ECS_ACADEMY_YES:-}" != 1 ]; then',
      '  read -r -p "This creates billable resources in that account. Type yes to go on: " answer',
      '  [ "$answer" = yes ] || { echo "Nothing was done."; exit 1; }',
    ]);
  });

  it('looks up the default VPC and the load balancers by name instead of using the simulator ids', () => {
    const from = lines.indexOf(
      '# The default VPC, its subnets (one per Availability Zone) and its default security group.',
    );
    expect(lines.slice(from, from + 11)).toEqual([
      '# The default VPC, its subnets (one per Availability Zone) and its default security group.',
      "VPC_ID=$(aws ec2 describe-vpcs --filters Name=is-default,Values=true --query 'Vpcs[0].VpcId' --output text)",
      `SUBNET_1=$(aws ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC_ID" Name=default-for-az,Values=true --query 'sort_by(Subnets, &AvailabilityZone)[0].SubnetId' --output text)`,
      `SUBNET_2=$(aws ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC_ID" Name=default-for-az,Values=true --query 'sort_by(Subnets, &AvailabilityZone)[1].SubnetId' --output text)`,
      `SECURITY_GROUP_ID=$(aws ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC_ID" Name=group-name,Values=default --query 'SecurityGroups[0].GroupId' --output text)`,
      '',
      "# Real ARNs and DNS names differ from the simulator's: these look them up by name.",
      `load_balancer_arn() { aws elbv2 describe-load-balancers --names "$1" --query 'LoadBalancers[0].LoadBalancerArn' --output text; }`,
      `load_balancer_dns() { aws elbv2 describe-load-balancers --names "$1" --query 'LoadBalancers[0].DNSName' --output text; }`,
      `target_group_arn() { aws elbv2 describe-target-groups --names "$1" --query 'TargetGroups[0].TargetGroupArn' --output text; }`,
      '',
    ]);
  });

  it('keeps the aws and docker lines, with the real account, Region and names put in', () => {
    const body = lines.slice(lines.indexOf('# The session') + 1, lines.indexOf('echo'));
    const taskdef = TASKDEF.replaceAll(ACCOUNT, '${AWS_ACCOUNT_ID}')
      .replace('"us-east-1"', '"${AWS_REGION}"')
      .replace('.us-east-1.', '.${AWS_REGION}.')
      .trimEnd()
      .split('\n');
    expect(body).toEqual([
      'aws ecs create-cluster --cluster-name academy --query cluster.status',
      'aws logs create-log-group --log-group-name /ecs/web',
      'aws ecr create-repository --repository-name web --query repository.repositoryUri --output text',
      'docker build -t web .',
      'docker tag web:latest "${AWS_ACCOUNT_ID}.dkr.ecr.${AWS_REGION}.amazonaws.com/web:latest"',
      'aws ecr get-login-password --region "${AWS_REGION}" | docker login --username AWS --password-stdin "${AWS_ACCOUNT_ID}.dkr.ecr.${AWS_REGION}.amazonaws.com"',
      'docker push "${AWS_ACCOUNT_ID}.dkr.ecr.${AWS_REGION}.amazonaws.com/web:latest"',
      'cat > taskdef.json <<ECS_ACADEMY_EOF',
      ...taskdef,
      'ECS_ACADEMY_EOF',
      'aws ecs register-task-definition --cli-input-json file://taskdef.json --query taskDefinition.revision',
      `aws elbv2 create-target-group --name web-tg --protocol HTTP --port 80 --vpc-id "\${VPC_ID}" --target-type ip --query 'TargetGroups[0].TargetGroupArn' --output text`,
      `aws elbv2 create-load-balancer --name web-alb --subnets "\${SUBNET_1}" "\${SUBNET_2}" --query 'LoadBalancers[0].LoadBalancerArn' --output text`,
      'aws elbv2 create-listener --load-balancer-arn "$(load_balancer_arn web-alb)" --protocol HTTP --port 80 --default-actions "Type=forward,TargetGroupArn=$(target_group_arn web-tg)"',
      'aws ecs create-service --cluster academy --service-name web --task-definition web:1 --desired-count 2 --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[${SUBNET_1},${SUBNET_2}],securityGroups=[${SECURITY_GROUP_ID}],assignPublicIp=ENABLED}" --load-balancers "targetGroupArn=$(target_group_arn web-tg),containerName=web,containerPort=80"',
      '# skipped (failed in the simulator with exit code 254): aws ecs create-service --cluster academy --service-name oops',
      'sleep 240',
      `aws elbv2 describe-load-balancers --names web-alb --output text --query 'LoadBalancers[0].DNSName'`,
      `curl "http://$(load_balancer_dns web-alb)/" || echo 'curl failed: a new load balancer takes a few minutes to answer, and the default security group lets no traffic in' >&2`,
      '# skipped (only prints in the terminal): echo it works',
      `aws ecs run-task --cluster academy --task-definition web --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[\${SUBNET_1}],assignPublicIp=ENABLED}" --query 'tasks[0].taskArn' --output text`,
      `# skipped (names the task ${session.task.split('/').at(-1)}, which only existed in the simulator): aws ecs wait tasks-running --cluster academy --tasks ${session.task}`,
      "# sim add-instances is the simulator's shortcut; on AWS the instances boot the ECS-optimized AMI and join the cluster named in their user data:",
      `aws ec2 run-instances --image-id resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --instance-type t3.medium --count 2 --iam-instance-profile Name=ecsInstanceRole --user-data ${USER_DATA}`,
      '# sim advance 60',
      'sleep 60',
      "aws ecs describe-services --cluster academy --services web --query 'services[0].runningCount'",
      '# skipped (help): aws ecs describe-services help',
      '# skipped (exists only in the simulator): sim cost',
      '',
    ]);
    expect(lines.slice(-3)).toEqual([
      'echo',
      'echo "Done. To delete everything this session created: bash ecs-academy-cleanup.sh"',
      '',
    ]);
  });

  it('is valid bash that runs exactly the commands the simulator ran', () => {
    const { sim } = session;
    const state = sim.state;
    const answers = lookups(sim);
    const calls = runUnderBash(script, answers, 'session');
    const expected: string[][] = [];
    for (const entry of session.entries) {
      const [first] = tokenize(entry.line).stages;
      if (entry.exitCode !== 0 || !first) continue;
      if (['echo', 'sim'].includes(first[0] as string) && first[1] !== 'advance' && first[1] !== 'add-instances')
        continue;
      if (first.at(-1) === 'help' || entry.line.includes('wait tasks-running')) continue;
      if (first[1] === 'advance') expected.push(['sleep', first[2] as string]);
      else if (first[1] === 'add-instances')
        expected.push([
          'aws',
          'ec2',
          'run-instances',
          '--image-id',
          'resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
          '--instance-type',
          't3.medium',
          '--count',
          '2',
          '--iam-instance-profile',
          'Name=ecsInstanceRole',
          '--user-data',
          '#!/bin/bash\necho ECS_CLUSTER=academy >> /etc/ecs/ecs.config',
        ]);
      else expected.push(...tokenize(entry.line).stages);
    }
    expect(calls.run).toEqual(expected);
    expect(calls.files['taskdef.json']).toBe(TASKDEF);
    expect(state.account).toBe(ACCOUNT);
  });

  it('writes a file again only when the session changed it between reads', () => {
    const r = recorder();
    r.out('aws ecs register-task-definition --cli-input-json file://taskdef.json --query taskDefinition.revision');
    r.out('aws ecs register-task-definition --cli-input-json file://taskdef.json --query taskDefinition.revision');
    r.files['taskdef.json'] = TASKDEF.replace('"256"', '"512"').replace(
      '"512",\n  "executionRoleArn"',
      '"1024",\n  "executionRoleArn"',
    );
    r.out('aws ecs register-task-definition --cli-input-json file://./taskdef.json --query taskDefinition.revision');
    r.entries.push({ line: 'aws ecs register-task-definition --cli-input-json file://other.json', exitCode: 0 });
    const out = sessionScript(r.entries, r.sim.state).script;
    expect(out.match(/^cat > taskdef\.json <<ECS_ACADEMY_EOF$/gm)).toHaveLength(2);
    expect(out).toContain('  "cpu": "512",\n  "memory": "1024",\n');
    expect(out).toContain('#   - the file other.json in this folder (the export has no copy of it).\n');
  });

  it('starts after the last sim reset, and keeps lines whose exit code is not known', () => {
    const { sim } = recorder();
    const out = sessionScript(
      [
        { line: 'aws ecs create-cluster --cluster-name before', exitCode: 0 },
        { line: 'sim reset', exitCode: 0 },
        { line: 'aws ecs create-cluster --cluster-name after' },
        { line: '   ' },
        { line: 'kubectl get pods' },
        { line: 'aws ecs list-clusters | cat' },
        { line: "echo 'unterminated" },
      ],
      sim.state,
    );
    const body = out.script.split('\n');
    expect(body.slice(body.indexOf('# The session') + 1, body.indexOf('echo'))).toEqual([
      '# 2 earlier lines, before the last sim reset, are left out.',
      'aws ecs create-cluster --cluster-name after',
      '# skipped (kubectl is not an aws or docker command): kubectl get pods',
      '# skipped (pipes into cat): aws ecs list-clusters | cat',
      "# skipped (not a command the terminal runs): echo 'unterminated",
      '',
    ]);
    expect([out.kept, out.skipped]).toEqual([1, 3]);
  });

  it('replaces the Region only where it is the Region or an Availability Zone', () => {
    const { sim } = recorder();
    const out = sessionScript(
      [
        {
          line: 'aws ecs create-service --cluster us-east-1-demo --service-name x --task-definition x --placement-constraints "type=memberOf,expression=attribute:ecs.availability-zone in [us-east-1a, us-east-1b]"',
        },
      ],
      sim.state,
    ).script;
    expect(out).toContain(
      'aws ecs create-service --cluster us-east-1-demo --service-name x --task-definition x --placement-constraints "type=memberOf,expression=attribute:ecs.availability-zone in [${AWS_REGION}a, ${AWS_REGION}b]"\n',
    );
  });

  it('boots the arm64 ECS-optimized AMI for Graviton instance types', () => {
    const { sim } = recorder();
    const out = sessionScript(
      [{ line: 'sim add-instances --cluster demo --instance-type m6g.large' }],
      sim.state,
    ).script;
    expect(out).toContain(
      'aws ec2 run-instances --image-id resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id --instance-type m6g.large --count 1 --iam-instance-profile Name=ecsInstanceRole --user-data "$(printf \'#!/bin/bash\\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\\n\')"\n',
    );
  });
});

describe('the clean-up script', () => {
  const session = realisticSession();
  const { cleanup } = exportSession(session.entries, session.sim.state);

  it('lists what it deletes and deletes it in dependency order with real AWS CLI commands', () => {
    expect(cleanup).toContain(
      [
        '#   - 1 service',
        '#   - the EC2 instances of academy',
        '#   - load balancers web-alb',
        '#   - target groups web-tg',
        '#   - task definitions web:1',
        '#   - ECR repositories web (with their images)',
        '#   - log groups /ecs/web (with their logs)',
        '#   - clusters academy',
      ].join('\n'),
    );
    expect(cleanup.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(cleanup).toContain('\nset -uo pipefail\n');
    const steps = cleanup.slice(cleanup.indexOf('# 1. Services'));
    expect(steps).toBe(
      [
        '# 1. Services: scale to zero, delete (--force: even with tasks left), wait until they are gone.',
        'run aws ecs update-service --cluster academy --service web --desired-count 0',
        'run aws ecs delete-service --cluster academy --service web --force',
        'run aws ecs wait services-inactive --cluster academy --services web',
        '',
        '# 2. Standalone tasks (started with run-task) that still run: stop them and wait.',
        "tasks=$(aws ecs list-tasks --cluster academy --family web --desired-status RUNNING --query 'taskArns[]' --output text)",
        'for task in $tasks; do',
        '  run aws ecs stop-task --cluster academy --task "$task" --reason \'ECS Academy clean-up\'',
        'done',
        'if [ -n "$tasks" ]; then run aws ecs wait tasks-stopped --cluster academy --tasks $tasks; fi',
        '',
        '# 3. EC2 capacity: deregister the container instances, terminate their EC2 instances, wait.',
        "instances=$(aws ecs list-container-instances --cluster academy --query 'containerInstanceArns[]' --output text)",
        'if [ -n "$instances" ]; then',
        "  ec2_ids=$(aws ecs describe-container-instances --cluster academy --container-instances $instances --query 'containerInstances[].ec2InstanceId' --output text)",
        '  for instance in $instances; do',
        '    run aws ecs deregister-container-instance --cluster academy --container-instance "$instance" --force',
        '  done',
        '  run aws ec2 terminate-instances --instance-ids $ec2_ids',
        '  run aws ec2 wait instance-terminated --instance-ids $ec2_ids',
        'fi',
        '',
        '# 4. Load balancers: their listeners first, then the load balancer; wait until it is gone.',
        'lb=$(load_balancer_arn web-alb)',
        'if [ -n "$lb" ]; then',
        '  for listener in $(aws elbv2 describe-listeners --load-balancer-arn "$lb" --query \'Listeners[].ListenerArn\' --output text); do',
        '    run aws elbv2 delete-listener --listener-arn "$listener"',
        '  done',
        '  run aws elbv2 delete-load-balancer --load-balancer-arn "$lb"',
        '  run aws elbv2 wait load-balancers-deleted --load-balancer-arns "$lb"',
        'fi',
        '',
        '# 5. Target groups (free, but they stop a new one of the same name with other settings).',
        'tg=$(target_group_arn web-tg)',
        'if [ -n "$tg" ]; then run aws elbv2 delete-target-group --target-group-arn "$tg"; fi',
        '',
        '# 6. Task definitions: deregister each active revision, then delete them (10 per call).',
        'run aws ecs deregister-task-definition --task-definition web:1',
        'run aws ecs delete-task-definitions --task-definitions web:1',
        '',
        '# 7. ECR repositories, with every image in them (--force).',
        'run aws ecr delete-repository --repository-name web --force',
        '',
        '# 8. CloudWatch Logs log groups, with their log streams.',
        'run aws logs delete-log-group --log-group-name /ecs/web',
        '',
        '# 9. Clusters, last: a cluster with services, tasks or instances cannot be deleted.',
        'run aws ecs delete-cluster --cluster academy',
        '',
        'if [ "$failures" -gt 0 ]; then',
        '  echo "$failures step(s) failed. Run this script again, or look in the AWS console for what is left." >&2',
        '  exit 1',
        'fi',
        'echo "Clean-up finished: nothing from the session is left to bill."',
        '',
      ].join('\n'),
    );
  });

  it('runs under bash, finding the real identifiers by name', () => {
    const { sim } = session;
    const instances = Object.values(sim.state.containerInstances);
    const standalone = Object.values(sim.state.tasks).find((t) => !t.serviceArn)?.task.taskArn as string;
    const listener = Object.values(sim.state.elb.listeners)[0]?.ListenerArn as string;
    const arns = instances.map((i) => i.instance.containerInstanceArn as string);
    const ec2 = instances.map((i) => i.ec2InstanceId);
    const answers = {
      ...lookups(sim),
      'ecs list-tasks --cluster academy --family web --desired-status RUNNING --query taskArns[] --output text':
        standalone,
      'ecs list-container-instances --cluster academy --query containerInstanceArns[] --output text': arns.join('\t'),
      [`ecs describe-container-instances --cluster academy --container-instances ${arns.join(' ')} --query containerInstances[].ec2InstanceId --output text`]:
        ec2.join('\t'),
      [`elbv2 describe-listeners --load-balancer-arn ${session.lb} --query Listeners[].ListenerArn --output text`]:
        listener,
    };
    const calls = runUnderBash(cleanup, answers, 'cleanup');
    expect(calls.run).toEqual(
      [
        'aws ecs update-service --cluster academy --service web --desired-count 0',
        'aws ecs delete-service --cluster academy --service web --force',
        'aws ecs wait services-inactive --cluster academy --services web',
        `aws ecs stop-task --cluster academy --task ${standalone} --reason 'ECS Academy clean-up'`,
        `aws ecs wait tasks-stopped --cluster academy --tasks ${standalone}`,
        `aws ecs deregister-container-instance --cluster academy --container-instance ${arns[0]} --force`,
        `aws ecs deregister-container-instance --cluster academy --container-instance ${arns[1]} --force`,
        `aws ec2 terminate-instances --instance-ids ${ec2.join(' ')}`,
        `aws ec2 wait instance-terminated --instance-ids ${ec2.join(' ')}`,
        `aws elbv2 delete-listener --listener-arn ${listener}`,
        `aws elbv2 delete-load-balancer --load-balancer-arn ${session.lb}`,
        `aws elbv2 wait load-balancers-deleted --load-balancer-arns ${session.lb}`,
        `aws elbv2 delete-target-group --target-group-arn ${session.tg}`,
        'aws ecs deregister-task-definition --task-definition web:1',
        'aws ecs delete-task-definitions --task-definitions web:1',
        'aws ecr delete-repository --repository-name web --force',
        'aws logs delete-log-group --log-group-name /ecs/web',
        'aws ecs delete-cluster --cluster academy',
      ].map((line) => tokenize(line).stages[0]),
    );
    expect(calls.stdout).toContain('Clean-up finished: nothing from the session is left to bill.');
  });

  it('says so when the session left nothing, and has no steps', () => {
    const { sim } = recorder();
    const out = cleanupScript(sim.state);
    expect(out).toContain('#   (nothing: the session left nothing behind)\n');
    expect(out).not.toContain('run aws');
    expect(runUnderBash(out, lookups(sim), 'empty').run).toEqual([]);
  });

  it('leaves alone what is already gone, skips scaling daemon services, and deletes revisions ten at a time', () => {
    const { sim } = recorder();
    sim.call('ecs:CreateCluster', { clusterName: 'demo' });
    sim.call('ecs:CreateCluster', { clusterName: 'gone' });
    sim.call('ecs:DeleteCluster', { cluster: 'gone' });
    registerInstances(sim, 'demo', 1, 't3.micro');
    for (let i = 0; i < 12; i++) registerTaskDefinition(sim, fargateDef('api'));
    sim.call('ecs:DeregisterTaskDefinition', { taskDefinition: 'api:1' });
    sim.call('ecs:DeregisterTaskDefinition', { taskDefinition: 'api:2' });
    sim.call('ecs:DeleteTaskDefinitions', { taskDefinitions: ['api:2'] });
    registerTaskDefinition(sim, ec2Def('agent'));
    sim.call('ecs:CreateService', {
      cluster: 'demo',
      serviceName: 'agent',
      taskDefinition: 'agent',
      schedulingStrategy: 'DAEMON',
    });
    sim.call('ecs:CreateService', { cluster: 'demo', serviceName: 'old', taskDefinition: 'agent', desiredCount: 0 });
    sim.call('ecs:DeleteService', { cluster: 'demo', service: 'old' });
    sim.advance(120);
    const out = cleanupScript(sim.state);
    const commands = out.split('\n').filter((l) => l.startsWith('run aws'));
    const revisions = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => `api:${from + i}`).join(' ');
    expect(commands).toEqual([
      'run aws ecs delete-service --cluster demo --service agent --force',
      'run aws ecs wait services-inactive --cluster demo --services agent',
      ...Array.from({ length: 10 }, (_, i) => `run aws ecs deregister-task-definition --task-definition api:${i + 3}`),
      'run aws ecs deregister-task-definition --task-definition agent:1',
      `run aws ecs delete-task-definitions --task-definitions api:1 ${revisions(3, 11)}`,
      'run aws ecs delete-task-definitions --task-definitions api:12 agent:1',
      'run aws ecs delete-cluster --cluster demo',
    ]);
    expect(out).toContain(
      "instances=$(aws ecs list-container-instances --cluster demo --query 'containerInstanceArns[]' --output text)",
    );
  });
});

describe('shell words', () => {
  it('quotes any text so that bash reads back exactly that text', () => {
    const texts = fc.sample(
      fc.string({
        unit: fc.constantFrom(
          'a',
          'Z',
          '0',
          ' ',
          "'",
          '"',
          '\\',
          '$',
          '`',
          '!',
          '*',
          '{',
          ',',
          '}',
          '[',
          '#',
          '~',
          '|',
          ';',
          '&',
          '\n',
          'é',
          '=',
          ':',
          '/',
          '-',
          '(',
        ),
      }),
      { numRuns: 300, seed: 42 },
    );
    const script = `printf '%s\\036' ${texts.map((t) => shellWord([{ text: t }])).join(' ')}`;
    const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(out.split('\u001e').slice(0, -1)).toEqual(texts);
    expect(shellWord([{ text: '' }])).toBe("''");
    expect(shellWord([{ text: 'plain-word_1.2:/x=y,z@%+' }])).toBe('plain-word_1.2:/x=y,z@%+');
  });

  it('puts expansions in double quotes and escapes the text around them', () => {
    const word = shellWord([{ text: 'a"$b`\\c ' }, { expand: '${AWS_REGION}' }, { text: "'" }]);
    expect(word).toBe('"a\\"\\$b\\`\\\\c ${AWS_REGION}\'"');
    const out = execFileSync('bash', ['-c', `AWS_REGION=eu-west-1; printf '%s' ${word}`], { encoding: 'utf8' });
    expect(out).toBe('a"$b`\\c eu-west-1\'');
  });
});

/** Stub answers: what the lookups print in the simulated account (so the replay sees its own ids). */
function lookups(sim: Simulator): Record<string, string> {
  const state = sim.state;
  const answers: Record<string, string> = {
    'sts get-caller-identity --query Account --output text': state.account,
    'ec2 describe-vpcs --filters Name=is-default,Values=true --query Vpcs[0].VpcId --output text': state.network.vpcId,
    [`ec2 describe-security-groups --filters Name=vpc-id,Values=${state.network.vpcId} Name=group-name,Values=default --query SecurityGroups[0].GroupId --output text`]:
      state.network.securityGroupId,
  };
  state.network.subnets.forEach((subnet, i) => {
    answers[
      `ec2 describe-subnets --filters Name=vpc-id,Values=${state.network.vpcId} Name=default-for-az,Values=true --query sort_by(Subnets, &AvailabilityZone)[${i}].SubnetId --output text`
    ] = subnet.id;
  });
  for (const lb of Object.values(state.elb.loadBalancers)) {
    answers[
      `elbv2 describe-load-balancers --names ${lb.LoadBalancerName} --query LoadBalancers[0].LoadBalancerArn --output text`
    ] = lb.LoadBalancerArn;
    answers[
      `elbv2 describe-load-balancers --names ${lb.LoadBalancerName} --query LoadBalancers[0].DNSName --output text`
    ] = lb.DNSName;
  }
  for (const group of Object.values(state.elb.targetGroups)) {
    answers[
      `elbv2 describe-target-groups --names ${group.TargetGroupName} --query TargetGroups[0].TargetGroupArn --output text`
    ] = group.TargetGroupArn;
  }
  return answers;
}

/**
 * Runs a script under bash with stub commands on PATH. Lookups (calls in `answers`) print their
 * answer; every other call is recorded, word by word. Returns the recorded calls and the files
 * the script wrote.
 */
function runUnderBash(script: string, answers: Record<string, string>, name: string) {
  const dir = mkdtempSync(join(scratch, `${name}-`));
  const bin = join(dir, 'bin');
  execFileSync('mkdir', ['-p', bin]);
  const log = join(dir, 'calls');
  writeFileSync(log, '');
  const cases = Object.entries(answers)
    .map(
      ([args, answer]) =>
        `  ${shellWord([{ text: args }])}) printf '%s\\n' ${shellWord([{ text: answer }])}; exit 0 ;;`,
    )
    .join('\n');
  const stub = (command: string, extra = '') =>
    [
      '#!/usr/bin/env bash',
      extra,
      'case "$*" in',
      ...(command === 'aws' ? [cases] : []),
      'esac',
      `{ printf '%s\\037' ${command} "$@"; printf '\\036'; } >> "$CALLS"`,
    ].join('\n');
  for (const command of ['aws', 'docker', 'sleep', 'curl']) {
    // docker login reads the password from the pipe first, so the pipe's calls are logged in order.
    const extra = command === 'docker' ? 'case " $* " in *" --password-stdin "*) cat > /dev/null ;; esac' : '';
    writeFileSync(join(bin, command), stub(command, extra));
    chmodSync(join(bin, command), 0o755);
  }
  writeFileSync(join(dir, 'script.sh'), script);
  execFileSync('bash', ['-n', 'script.sh'], { cwd: dir });
  const stdout = execFileSync('bash', ['script.sh'], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: `${bin}:/usr/bin:/bin`,
      CALLS: log,
      AWS_REGION: 'us-east-1',
      ECS_ACADEMY_YES: '1',
    },
  });
  const run = readFileSync(log, 'utf8')
    .split('\u001e')
    .slice(0, -1)
    .map((call) => call.split('\u001f').slice(0, -1));
  const files: Record<string, string> = {};
  try {
    files['taskdef.json'] = readFileSync(join(dir, 'taskdef.json'), 'utf8');
  } catch {
    // no file written
  }
  return { run, stdout, files };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { execute } from '../../../../src/core/cli/shell.ts';
import { createSimulator } from '../../../../src/core/sim/index.ts';

/** A Fargate service behind an application load balancer, driven through the terminal. */
function setup() {
  const sim = createSimulator({ seed: 3 });
  const env = { sim, readFile: (p: string) => readFileSync(p, 'utf8') };
  const run = (line: string) => execute(line, env);
  const [s1, s2] = sim.state.network.subnets.map((s) => s.id);
  const out = (line: string) => {
    const r = run(line);
    expect(r.stderr, line).toBe('');
    return r.stdout.trim();
  };
  out('aws ecs create-cluster --cluster-name demo');
  out('aws logs create-log-group --log-group-name /ecs/web');
  out('aws ecs register-task-definition --cli-input-json file://content/examples/task-definitions/fargate-web.json');
  const tg = out(
    `aws elbv2 create-target-group --name web-tg --protocol HTTP --port 80 --vpc-id ${sim.state.network.vpcId} --target-type ip --query "TargetGroups[0].TargetGroupArn" --output text`,
  );
  const dns = out(
    `aws elbv2 create-load-balancer --name web-alb --subnets ${s1} ${s2} --query "LoadBalancers[0].DNSName" --output text`,
  );
  const lb = out('aws elbv2 describe-load-balancers --query "LoadBalancers[0].LoadBalancerArn" --output text');
  out(
    `aws elbv2 create-listener --load-balancer-arn ${lb} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${tg}`,
  );
  const network = `"awsvpcConfiguration={subnets=[${s1},${s2}],assignPublicIp=ENABLED}"`;
  return { sim, run, out, tg, dns, network };
}

describe('services behind a load balancer', () => {
  it('registers tasks as targets, serves traffic once they are healthy, and stays up through a rolling deployment', () => {
    const { run, out, tg, dns, network } = setup();
    out(
      `aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 2 --launch-type FARGATE --network-configuration ${network} --load-balancers targetGroupArn=${tg},containerName=web,containerPort=80`,
    );
    expect(run(`curl http://${dns}/`).stderr).toBe(`curl: (6) Could not resolve host: ${dns}\n`);
    out('sleep 60');
    expect(
      out(
        `aws elbv2 describe-target-health --target-group-arn ${tg} --query "TargetHealthDescriptions[].TargetHealth.State" --output text`,
      ),
    ).toBe('initial\tinitial');
    out('sleep 150');
    expect(
      out(
        `aws elbv2 describe-target-health --target-group-arn ${tg} --query "TargetHealthDescriptions[].TargetHealth.State" --output text`,
      ),
    ).toBe('healthy\thealthy');
    expect(out(`curl http://${dns}/`)).toBe('Welcome to nginx!');

    // Deploy revision 2; every request during the deployment still gets an answer.
    out('aws ecs register-task-definition --cli-input-json file://content/examples/task-definitions/fargate-web.json');
    out('aws ecs update-service --cluster demo --service web --task-definition web:2');
    for (let i = 0; i < 60; i++) {
      out('sleep 10');
      expect(out(`curl http://${dns}/`)).toBe('Welcome to nginx!');
    }
    expect(run('aws ecs wait services-stable --cluster demo --services web').exitCode).toBe(0);
    const events = out(
      'aws ecs describe-services --cluster demo --services web --query "services[0].events[].message" --output json',
    );
    expect(events).toContain('has begun draining connections on 1 tasks.');
    expect(events).toContain(`deregistered 1 targets in (target-group ${tg})`);
  });

  it('refuses a target group without a load balancer, and one of the wrong target type for awsvpc', () => {
    const { sim, run, network } = setup();
    const lonely = run(
      `aws elbv2 create-target-group --name lonely --protocol HTTP --port 80 --vpc-id ${sim.state.network.vpcId} --target-type ip --query "TargetGroups[0].TargetGroupArn" --output text`,
    ).stdout.trim();
    const r = run(
      `aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 1 --launch-type FARGATE --network-configuration ${network} --load-balancers targetGroupArn=${lonely},containerName=web,containerPort=80`,
    );
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toBe(
      `\nAn error occurred (InvalidParameterException) when calling the CreateService operation: The target group with targetGroupArn ${lonely} does not have an associated load balancer.\n`,
    );
  });
});

describe('container logs with awslogs', () => {
  it('fails the task when the log group does not exist, and shows what containers print once it does', () => {
    const sim = createSimulator({ seed: 5 });
    const run = (line: string) => execute(line, { sim, readFile: (p: string) => readFileSync(p, 'utf8') });
    const subnet = sim.state.network.subnets[0]?.id;
    run('aws ecs create-cluster --cluster-name demo');
    run('aws ecs register-task-definition --cli-input-json file://content/examples/task-definitions/fargate-web.json');
    const network = `--network-configuration "awsvpcConfiguration={subnets=[${subnet}],assignPublicIp=ENABLED}"`;
    const first = run(
      `aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE ${network} --query "tasks[0].taskArn" --output text`,
    ).stdout.trim();
    run('sleep 60');
    expect(
      run(
        `aws ecs describe-tasks --cluster demo --tasks ${first} --query "tasks[0].[lastStatus,stopCode,stoppedReason]" --output text`,
      ).stdout,
    ).toMatch(
      /^STOPPED\tTaskFailedToStart\tResourceInitializationError: failed to validate logger args: .*The specified log group does not exist/,
    );
    expect(run('aws logs create-log-group --log-group-name /ecs/web').exitCode).toBe(0);
    const second = run(
      `aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE ${network} --query "tasks[0].taskArn" --output text`,
    ).stdout.trim();
    run('sleep 60');
    const id = second.split('/').at(-1);
    expect(
      run(
        'aws logs describe-log-streams --log-group-name /ecs/web --query "logStreams[].logStreamName" --output text',
      ).stdout.trim(),
    ).toBe(`web/web/${id}`);
    const tail = run('aws logs tail /ecs/web').stdout;
    expect(tail).toContain(`web/web/${id} start worker processes`);
    expect(run('aws logs tail /ecs/nope').stderr).toContain('ResourceNotFoundException');
  });
});

describe('sim failure injection', () => {
  it('replaces the tasks of a terminated instance on the instances that remain', () => {
    const sim = createSimulator({ seed: 9 });
    const run = (line: string) => execute(line, { sim, readFile: (p: string) => readFileSync(p, 'utf8') });
    run('aws ecs create-cluster --cluster-name demo');
    run('aws logs create-log-group --log-group-name /ecs/api');
    run(
      'aws ecs register-task-definition --cli-input-json file://content/examples/task-definitions/ec2-bridge-dynamic-ports.json',
    );
    const instances = run('sim add-instances --cluster demo --count 2')
      .stdout.trim()
      .split('\n')
      .map((l) => l.split(' ')[0] as string);
    run('aws ecs create-service --cluster demo --service-name api --task-definition api --desired-count 4');
    expect(run('aws ecs wait services-stable --cluster demo --services api').exitCode).toBe(0);
    expect(run(`sim kill-instance ${instances[0]}`).stdout).toBe(`Terminated ${instances[0]}.\n`);
    expect(run('aws ecs wait services-stable --cluster demo --services api').exitCode).toBe(0);
    const onSurvivor = run(
      'aws ecs list-tasks --cluster demo --service-name api --query "length(taskArns)"',
    ).stdout.trim();
    expect(onSurvivor).toBe('4');
    const stopped = run('aws ecs list-tasks --cluster demo --desired-status STOPPED --query "taskArns"').stdout;
    const firstStopped = (JSON.parse(stopped) as string[])[0] ?? '';
    expect(
      run(
        `aws ecs describe-tasks --cluster demo --tasks ${firstStopped} --query "tasks[0].stoppedReason" --output text`,
      ).stdout,
    ).toBe(`Host EC2 (instance ${instances[0]}) terminated.\n`);
  });

  it('resets to a fresh account where the host allows it', () => {
    const sim = createSimulator({ seed: 9 });
    const env: { sim: typeof sim; readFile: (p: string) => string; reset?: () => void } = {
      sim,
      readFile: (p) => readFileSync(p, 'utf8'),
    };
    env.reset = () => {
      env.sim = createSimulator({ seed: 9 });
    };
    execute('aws ecs create-cluster --cluster-name demo', env);
    expect(execute('sim reset', env).exitCode).toBe(0);
    expect(execute('aws ecs list-clusters --query "length(clusterArns)"', env).stdout).toBe('0\n');
  });
});

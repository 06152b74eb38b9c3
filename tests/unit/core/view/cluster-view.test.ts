import { describe, expect, it } from 'vitest';
import { execute } from '../../../../src/core/cli/shell.ts';
import { createSimulator, type Simulator } from '../../../../src/core/sim/index.ts';
import { clusterView, describeChanges } from '../../../../src/core/view/cluster-view.ts';

const FARGATE = JSON.stringify({
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image: 'nginx', essential: true, portMappings: [{ containerPort: 80 }] }],
});

function shell() {
  const sim = createSimulator({ seed: 3 });
  const files: Record<string, string> = { 'fargate.json': FARGATE };
  const run = (line: string) => {
    const result = execute(line, { sim, readFile: (p) => files[p] });
    expect(result.exitCode, `${line}\n${result.stderr}`).toBe(0);
    return result.stdout;
  };
  return { sim, run };
}

const subnet = (sim: Simulator) => sim.state.network.subnets[0]?.id;

describe('clusterView', () => {
  it('shows EC2 instances with the CPU and memory their tasks hold, and the tasks on them', () => {
    const { sim, run } = shell();
    run('aws ecs create-cluster --cluster-name academy');
    run('sim add-instances --cluster academy --count 1 --instance-type t3.medium');
    run(
      'aws ecs register-task-definition --family api --container-definitions name=api,image=nginx,cpu=256,memory=300,essential=true,portMappings=[{containerPort=80,hostPort=0}]',
    );
    run('aws ecs run-task --cluster academy --task-definition api --count 2');
    sim.advance(60);
    const [cluster] = clusterView(sim.state).clusters;
    const [instance] = cluster?.instances ?? [];
    expect(instance).toMatchObject({
      instanceType: 't3.medium',
      cpu: { used: 512, total: 2048 },
      memory: { used: 600 },
    });
    expect(instance?.tasks.map((t) => [t.status, t.networkMode, t.launchType, t.definition])).toEqual([
      ['RUNNING', 'bridge', 'EC2', 'api:1'],
      ['RUNNING', 'bridge', 'EC2', 'api:1'],
    ]);
    expect(instance?.taskPorts).toHaveLength(2);
    expect(instance?.tasks[0]?.address).toMatch(/^port \d+$/);
    expect(cluster?.running).toBe(2);
  });

  it('shows Fargate tasks beside the instances, with their private IP, and services with their deployments', () => {
    const { sim, run } = shell();
    run('aws ecs create-cluster --cluster-name academy');
    run('aws ecs register-task-definition --cli-input-json file://fargate.json');
    run(
      `aws ecs create-service --cluster academy --service-name web --task-definition web --desired-count 2 --launch-type FARGATE --network-configuration awsvpcConfiguration={subnets=[${subnet(sim)}]}`,
    );
    const early = clusterView(sim.state).clusters[0];
    expect(early?.services[0]).toMatchObject({ name: 'web', desired: 2, launchType: 'FARGATE' });
    sim.advance(120);
    const later = clusterView(sim.state).clusters[0];
    expect(later?.fargateTasks.map((t) => t.status)).toEqual(['RUNNING', 'RUNNING']);
    expect(later?.fargateTasks[0]?.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(later?.services[0]).toMatchObject({ running: 2, pending: 0 });
    expect(later?.services[0]?.deployments).toEqual([
      expect.objectContaining({ status: 'PRIMARY', rollout: 'COMPLETED', running: 2, desired: 2, definition: 'web:1' }),
    ]);
  });

  it('keeps a stopped task visible for five minutes, then drops it', () => {
    const { sim, run } = shell();
    run('aws ecs create-cluster --cluster-name academy');
    run('aws ecs register-task-definition --cli-input-json file://fargate.json');
    const out = JSON.parse(
      run(
        `aws ecs run-task --cluster academy --task-definition web --launch-type FARGATE --network-configuration awsvpcConfiguration={subnets=[${subnet(sim)}]}`,
      ),
    );
    sim.advance(60);
    run(`aws ecs stop-task --cluster academy --task ${out.tasks[0].taskArn}`);
    sim.advance(60);
    expect(clusterView(sim.state).clusters[0]?.fargateTasks.map((t) => t.status)).toEqual(['STOPPED']);
    sim.advance(300);
    expect(clusterView(sim.state).clusters[0]?.fargateTasks).toEqual([]);
  });

  it('lists repositories with their images, and hides deleted clusters', () => {
    const { sim, run } = shell();
    run('aws ecr create-repository --repository-name web');
    run('aws ecs create-cluster --cluster-name gone');
    run('aws ecs delete-cluster --cluster gone');
    const view = clusterView(sim.state);
    expect(view.clusters).toEqual([]);
    expect(view.repositories).toEqual([{ name: 'web', uri: expect.stringContaining('.dkr.ecr.'), images: [] }]);
    expect(view.time).toBe(new Date(sim.state.now).toISOString());
  });
});

describe('describeChanges', () => {
  it('says what a learner would notice, in short sentences', () => {
    const { sim, run } = shell();
    const empty = clusterView(sim.state);
    run('aws ecs create-cluster --cluster-name academy');
    run('aws ecs register-task-definition --cli-input-json file://fargate.json');
    run(
      `aws ecs create-service --cluster academy --service-name web --task-definition web --desired-count 1 --launch-type FARGATE --network-configuration awsvpcConfiguration={subnets=[${subnet(sim)}]}`,
    );
    sim.advance(1);
    const created = clusterView(sim.state);
    const first = describeChanges(empty, created);
    expect(first).toContain('Cluster academy created.');
    expect(first).toContain('Service web created, 1 desired.');
    expect(first.some((s) => /^Task [0-9a-f]{8} \(web:1\) started: /.test(s))).toBe(true);
    sim.advance(120);
    const running = describeChanges(created, clusterView(sim.state));
    expect(running).toContain('Service web: 1 of 1 running.');
    expect(running.some((s) => /^Task [0-9a-f]{8} is RUNNING\.$/.test(s))).toBe(true);
    expect(describeChanges(created, created)).toEqual([]);
  });
});

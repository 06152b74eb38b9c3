import { describe, expect, it } from 'vitest';
import { clusterFromUserData } from '../../../../src/core/cli/ec2.ts';
import { execute } from '../../../../src/core/cli/shell.ts';
import { createSimulator } from '../../../../src/core/sim/index.ts';

const USER_DATA = '#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\n';

function setup() {
  const sim = createSimulator({ seed: 11 });
  const files: Record<string, string> = { 'user-data.sh': USER_DATA };
  const env = { sim, readFile: (p: string) => files[p] };
  const run = (line: string) => execute(line, env);
  const out = (line: string) => {
    const r = run(line);
    expect(r.stderr, line).toBe('');
    expect(r.exitCode, line).toBe(0);
    return r.stdout.trim();
  };
  return { sim, run, out };
}

const LAUNCH =
  'aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.medium --count 2 --iam-instance-profile Name=ecsInstanceRole --user-data file://user-data.sh';

describe('aws ec2 for cluster capacity', () => {
  it('reads the cluster from the ECS_CLUSTER line of the user data, defaulting as the agent does', () => {
    expect(clusterFromUserData(USER_DATA)).toBe('demo');
    expect(clusterFromUserData('ECS_CLUSTER="prod"\nECS_CLUSTER=late')).toBe('late');
    expect(clusterFromUserData('#!/bin/bash\nyum update -y')).toBe('default');
  });

  it('launches instances that register with the cluster named in the user data', () => {
    const { out } = setup();
    out('aws ecs create-cluster --cluster-name demo');
    const launched = JSON.parse(out(LAUNCH));
    expect(launched.Instances).toHaveLength(2);
    expect(launched.Instances[0]).toMatchObject({
      ImageId: 'ami-0abcdef1234567890',
      InstanceType: 't3.medium',
      State: { Code: 0, Name: 'pending' },
    });
    expect(launched.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(
      out('aws ecs describe-clusters --clusters demo --query "clusters[0].registeredContainerInstancesCount"'),
    ).toBe('2');
    const ids = launched.Instances.map((i: { InstanceId: string }) => i.InstanceId);
    const arns = out('aws ecs list-container-instances --cluster demo --query "containerInstanceArns" --output text');
    const joined = out(
      `aws ecs describe-container-instances --cluster demo --container-instances ${arns} --query "containerInstances[].ec2InstanceId" --output text`,
    );
    expect(joined.split(/\s+/).sort()).toEqual([...ids].sort());
    expect(
      out(
        `aws ec2 describe-instances --instance-ids ${ids[0]} --query "Reservations[0].Instances[0].State.Name" --output text`,
      ),
    ).toBe('running');
  });

  it('terminates an instance: its tasks stop and the container instance goes INACTIVE', () => {
    const { out, run } = setup();
    out('aws ecs create-cluster --cluster-name demo');
    const id = out(`${LAUNCH.replace('--count 2', '--count 1')} --query "Instances[0].InstanceId" --output text`);
    const terminated = JSON.parse(out(`aws ec2 terminate-instances --instance-ids ${id}`));
    expect(terminated.TerminatingInstances[0]).toEqual({
      CurrentState: { Code: 32, Name: 'shutting-down' },
      InstanceId: id,
      PreviousState: { Code: 16, Name: 'running' },
    });
    expect(
      out(
        `aws ec2 describe-instances --instance-ids ${id} --query "Reservations[0].Instances[0].State.Name" --output text`,
      ),
    ).toBe('terminated');
    expect(
      out('aws ecs list-container-instances --cluster demo --status ACTIVE --query "length(containerInstanceArns)"'),
    ).toBe('0');
    const again = run('aws ec2 terminate-instances --instance-ids i-0123456789abcdef0');
    expect(again.exitCode).toBe(254);
    expect(again.stderr).toBe(
      "\nAn error occurred (InvalidInstanceID.NotFound) when calling the TerminateInstances operation: The instance ID 'i-0123456789abcdef0' does not exist\n",
    );
  });

  it('explains why an instance would never join: no instance profile, or a cluster that does not exist', () => {
    const { run, sim } = setup();
    const noProfile = run(LAUNCH.replace('--iam-instance-profile Name=ecsInstanceRole ', ''));
    expect(noProfile.exitCode).toBe(254);
    expect(noProfile.stderr).toContain('--iam-instance-profile');
    const noCluster = run(LAUNCH);
    expect(noCluster.exitCode).toBe(254);
    expect(noCluster.stderr).toContain('cluster demo, which does not exist');
    expect(Object.keys(sim.state.containerInstances)).toHaveLength(0);
  });

  it('joins the default cluster, creating it, when the user data names none', () => {
    const { out } = setup();
    out(
      'aws ec2 run-instances --image-id ami-0abcdef1234567890 --iam-instance-profile Name=ecsInstanceRole --instance-type t3.small',
    );
    expect(
      out(
        'aws ecs describe-clusters --query "clusters[0].[clusterName,registeredContainerInstancesCount]" --output text',
      ),
    ).toBe('default\t1');
  });

  it('answers bad input with the errors AWS gives', () => {
    const { run } = setup();
    expect(run('aws ec2 run-instances --instance-type t3.small').stderr).toBe(
      '\nAn error occurred (MissingParameter) when calling the RunInstances operation: The request must contain the parameter ImageId\n',
    );
    expect(run('aws ec2 describe-instances --instance-ids web-1').stderr).toBe(
      '\nAn error occurred (InvalidInstanceID.Malformed) when calling the DescribeInstances operation: Invalid id: "web-1"\n',
    );
    expect(run('aws ec2 reboot-instances').exitCode).toBe(252);
  });
});

describe('aws help', () => {
  it('names every simulated service, including the hand-written ones', () => {
    const { out } = setup();
    const help = out('aws help');
    for (const service of ['ecs', 'ecr', 'ec2', 'elbv2', 'logs']) expect(help).toMatch(new RegExp(`\\b${service}\\b`));
  });
});

describe('aws ec2 for the default VPC', () => {
  it('lists the three default subnets, one per zone, and filters them', () => {
    const { sim, out } = setup();
    const subnets = JSON.parse(out('aws ec2 describe-subnets')).Subnets;
    expect(subnets.map((s: { AvailabilityZone: string }) => s.AvailabilityZone)).toEqual([
      'us-east-1a',
      'us-east-1b',
      'us-east-1c',
    ]);
    expect(subnets[0]).toMatchObject({
      SubnetId: sim.state.network.subnets[0]?.id,
      VpcId: sim.state.network.vpcId,
      CidrBlock: '172.31.0.0/20',
      DefaultForAz: true,
      State: 'available',
    });
    expect(
      out(
        'aws ec2 describe-subnets --filters Name=availability-zone,Values=us-east-1b --query Subnets[].SubnetId --output text',
      ),
    ).toBe(sim.state.network.subnets[1]?.id);
    expect(
      out(`aws ec2 describe-subnets --filters Name=vpc-id,Values=${sim.state.network.vpcId} --query "length(Subnets)"`),
    ).toBe('3');
  });

  it('shows the default VPC and its default security group', () => {
    const { sim, out } = setup();
    expect(out('aws ec2 describe-vpcs --query Vpcs[0].[VpcId,IsDefault] --output text')).toBe(
      `${sim.state.network.vpcId}\tTrue`,
    );
    expect(
      out(
        'aws ec2 describe-security-groups --filters Name=group-name,Values=default --query SecurityGroups[0].GroupId --output text',
      ),
    ).toBe(sim.state.network.securityGroupId);
  });

  it('fails like EC2 for unknown ids and filters', () => {
    const { run } = setup();
    expect(run('aws ec2 describe-subnets --subnet-ids subnet-nope')).toEqual({
      stdout: '',
      stderr:
        "\nAn error occurred (InvalidSubnetID.NotFound) when calling the DescribeSubnets operation: The subnet ID 'subnet-nope' does not exist\n",
      exitCode: 254,
    });
    expect(run('aws ec2 describe-subnets --filters Name=colour,Values=blue').stderr).toContain(
      "The filter 'colour' is invalid",
    );
  });
});

describe('terminate-instances after deregistration', () => {
  it('terminates an instance that was deregistered from its cluster but still runs', () => {
    const { sim, out } = setup();
    out('aws ecs create-cluster --cluster-name demo');
    const id = JSON.parse(out(LAUNCH)).Instances[0].InstanceId as string;
    const record = Object.values(sim.state.containerInstances).find((r) => r.ec2InstanceId === id);
    out(
      `aws ecs deregister-container-instance --cluster demo --container-instance ${record?.instance.containerInstanceArn} --force`,
    );
    const terminated = JSON.parse(out(`aws ec2 terminate-instances --instance-ids ${id}`)).TerminatingInstances[0];
    expect(terminated).toMatchObject({ PreviousState: { Name: 'running' }, CurrentState: { Name: 'shutting-down' } });
    expect(
      out(
        `aws ec2 describe-instances --instance-ids ${id} --query Reservations[0].Instances[0].State.Name --output text`,
      ),
    ).toBe('terminated');
  });
});

/**
 * `aws ec2 …` for adding EC2 capacity to a cluster: run-instances, describe-instances and
 * terminate-instances, plus the default VPC's ids (ec2-network.ts). A hand-written subset (EC2 is not part of the generated model). Only
 * instances that would join an ECS cluster are simulated: the user data must name the cluster
 * (ECS_CLUSTER, or none for "default") and the instance needs an instance profile, because the
 * ECS agent on the instance calls ECS with that profile's role.
 */
import { own } from '../own.ts';
import { createCluster } from '../sim/ecs/clusters.ts';
import { INSTANCE_TYPES, registerInstances } from '../sim/ecs/container-instances.ts';
import { terminateInstance } from '../sim/ecs/instance-termination.ts';
import type { Simulator } from '../sim/engine.ts';
import { AwsError } from '../sim/errors.ts';
import type { ContainerInstanceRecord } from '../sim/state.ts';
import { isoTimestamp } from './aws/output.ts';
import type { ReadFile } from './aws/params.ts';
import { describeSecurityGroups, describeSubnets, describeVpcs } from './ec2-network.ts';
import { type HandOperation, type Options, one, runOperation, SimulationLimit, UsageError } from './hand-options.ts';
import type { CommandResult } from './result.ts';

const RUNNING = { Code: 16, Name: 'running' };
const TERMINATED = { Code: 48, Name: 'terminated' };

/** The cluster the agent joins: the last ECS_CLUSTER=… line of the user data, else "default". */
export function clusterFromUserData(userData: string): string {
  const matches = [...userData.matchAll(/ECS_CLUSTER=["']?([A-Za-z0-9_-]+)/g)];
  return matches.at(-1)?.[1] ?? 'default';
}

/** On AWS the instance would start but never register; the simulator refuses and says why. */
const wouldNotJoin = (reason: string) =>
  new SimulationLimit(
    `(ECS Academy simulation) On AWS this instance would start but never join a cluster: ${reason}. The simulator only launches instances that join a cluster.`,
  );

function instanceView(sim: Simulator, record: ContainerInstanceRecord, state = RUNNING) {
  const subnet = sim.state.network.subnets.find((s) => s.availabilityZone === record.availabilityZone);
  const ami = record.instance.attributes?.find((a) => a.name === 'ecs.ami-id')?.value;
  const architecture = record.instance.attributes?.find((a) => a.name === 'ecs.cpu-architecture')?.value;
  return {
    AmiLaunchIndex: 0,
    ImageId: ami,
    InstanceId: record.ec2InstanceId,
    InstanceType: record.instanceType,
    LaunchTime: isoTimestamp(record.instance.registeredAt as number),
    Placement: { AvailabilityZone: record.availabilityZone, GroupName: '', Tenancy: 'default' },
    PrivateDnsName: `ip-${record.privateIp.replaceAll('.', '-')}.${sim.state.region}.compute.internal`,
    PrivateIpAddress: record.privateIp,
    State: state,
    SubnetId: subnet?.id,
    VpcId: sim.state.network.vpcId,
    Architecture: architecture,
  };
}

function ec2Instances(sim: Simulator): ContainerInstanceRecord[] {
  return Object.values(sim.state.containerInstances);
}

const isTerminated = (r: ContainerInstanceRecord) => r.terminatedAt !== undefined;

function notFound(ids: string[]): AwsError {
  const list = ids.map((id) => `'${id}'`).join(', ');
  return new AwsError(
    'InvalidInstanceID.NotFound',
    ids.length === 1 ? `The instance ID ${list} does not exist` : `The instance IDs ${list} do not exist`,
  );
}

function checkIds(sim: Simulator, ids: string[]): ContainerInstanceRecord[] {
  const malformed = ids.find((id) => !/^i-[0-9a-f]{8,17}$/.test(id));
  if (malformed !== undefined) throw new AwsError('InvalidInstanceID.Malformed', `Invalid id: "${malformed}"`);
  const byId = new Map(ec2Instances(sim).map((r) => [r.ec2InstanceId, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw notFound(missing);
  return ids.map((id) => byId.get(id) as ContainerInstanceRecord);
}

function runInstances(sim: Simulator, o: Options, readFile: ReadFile) {
  const imageId = one(o, 'image-id');
  if (imageId === undefined) throw new AwsError('MissingParameter', 'The request must contain the parameter ImageId');
  const instanceType = one(o, 'instance-type') ?? 'm1.small';
  if (!own(INSTANCE_TYPES, instanceType))
    throw new AwsError(
      'InvalidParameterValue',
      `The following supplied instance types do not exist: [${instanceType}]. (Simulated types: ${Object.keys(INSTANCE_TYPES).join(', ')}.)`,
    );
  const countText = one(o, 'count') ?? '1';
  const count = Number(countText.split(':').at(-1));
  if (!Number.isInteger(count) || count < 1 || count > 20)
    throw new UsageError(`argument --count: the simulated account launches 1 to 20 instances at a time`);
  const userDataArgument = one(o, 'user-data') ?? '';
  const userData = userDataArgument.startsWith('file://')
    ? readFile(userDataArgument.slice('file://'.length))
    : userDataArgument;
  if (userData === undefined)
    throw new UsageError(`argument --user-data: Unable to load paramfile ${userDataArgument}: no such file`);
  const clusterName = clusterFromUserData(userData);
  if (one(o, 'iam-instance-profile') === undefined)
    throw wouldNotJoin(
      `without --iam-instance-profile (for example Name=ecsInstanceRole) the ECS agent has no credentials to register with cluster ${clusterName}`,
    );
  const cluster = sim.state.clusters[clusterName];
  if (cluster?.status !== 'ACTIVE') {
    if (clusterName !== 'default')
      throw wouldNotJoin(`the user data names cluster ${clusterName}, which does not exist; create it first`);
    // The agent creates the default cluster when the user data names none.
    createCluster(sim, { clusterName: 'default' });
  }
  const created = registerInstances(sim, clusterName, count, instanceType);
  for (const record of created) {
    const ami = record.instance.attributes?.find((a) => a.name === 'ecs.ami-id');
    if (ami) ami.value = imageId;
  }
  return {
    Groups: [],
    Instances: created.map((r, i) => ({
      ...instanceView(sim, r, { Code: 0, Name: 'pending' }),
      AmiLaunchIndex: i,
    })),
    OwnerId: sim.state.account,
    ReservationId: `r-${sim.rng.hex(17)}`,
  };
}

function describeInstances(sim: Simulator, o: Options) {
  const ids = o['instance-ids'] ?? [];
  const records = ids.length > 0 ? checkIds(sim, ids) : ec2Instances(sim);
  return {
    Reservations: records.map((r) => ({
      Groups: [],
      Instances: [instanceView(sim, r, isTerminated(r) ? TERMINATED : RUNNING)],
      OwnerId: sim.state.account,
      ReservationId: `r-${r.ec2InstanceId.slice(2)}`,
    })),
  };
}

function terminateInstances(sim: Simulator, o: Options) {
  const ids = o['instance-ids'] ?? [];
  if (ids.length === 0) throw new UsageError('the following arguments are required: --instance-ids');
  return {
    TerminatingInstances: checkIds(sim, ids).map((record) => {
      const previous = isTerminated(record) ? TERMINATED : RUNNING;
      // A deregistered instance is still a running EC2 instance until it is terminated.
      if (!isTerminated(record)) terminateInstance(sim, record);
      return {
        CurrentState: previous === TERMINATED ? TERMINATED : { Code: 32, Name: 'shutting-down' },
        InstanceId: record.ec2InstanceId,
        PreviousState: previous,
      };
    }),
  };
}

const OPERATIONS: Record<string, HandOperation<{ sim: Simulator; readFile: ReadFile }>> = {
  'run-instances': { name: 'RunInstances', run: ({ sim, readFile }, o) => runInstances(sim, o, readFile) },
  'describe-instances': { name: 'DescribeInstances', run: ({ sim }, o) => describeInstances(sim, o) },
  'terminate-instances': { name: 'TerminateInstances', run: ({ sim }, o) => terminateInstances(sim, o) },
  'describe-vpcs': { name: 'DescribeVpcs', run: ({ sim }, o) => describeVpcs(sim, o) },
  'describe-subnets': { name: 'DescribeSubnets', run: ({ sim }, o) => describeSubnets(sim, o) },
  'describe-security-groups': { name: 'DescribeSecurityGroups', run: ({ sim }, o) => describeSecurityGroups(sim, o) },
};

export function runEc2(
  args: string[],
  sim: Simulator,
  globals: { output: 'json' | 'text' | 'table'; query?: string },
  readFile: ReadFile,
): CommandResult {
  return runOperation('ec2', OPERATIONS, args, { sim, readFile }, globals);
}

/**
 * `aws ec2 describe-vpcs | describe-subnets | describe-security-groups` for the simulated default
 * VPC, so learners can look up the subnet and security group ids that awsvpc tasks need, as they
 * would on AWS. Read-only: the default VPC is the only network the simulator models.
 */
import type { Simulator } from '../sim/engine.ts';
import { AwsError } from '../sim/errors.ts';
import type { Options } from './hand-options.ts';

/** `--filters Name=vpc-id,Values=vpc-1,vpc-2` as name → accepted values. */
function filters(o: Options): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const text of o.filters ?? []) {
    const match = /^Name=([^,]+),Values=(.+)$/.exec(text);
    if (!match) throw new AwsError('InvalidParameterValue', `The filter '${text}' is invalid`);
    parsed.set(match[1] as string, (match[2] as string).split(','));
  }
  return parsed;
}

/** Keeps the items every filter accepts; an unknown filter name is an error, as on EC2. */
function applyFilters<T>(items: T[], o: Options, fields: Record<string, (item: T) => string>): T[] {
  let kept = items;
  for (const [name, values] of filters(o)) {
    const field = fields[name];
    if (!field) throw new AwsError('InvalidParameterValue', `The filter '${name}' is invalid`);
    kept = kept.filter((item) => values.includes(field(item)));
  }
  return kept;
}

function subnetViews(sim: Simulator) {
  const { network, region, account } = sim.state;
  return network.subnets.map((s, i) => ({
    AvailabilityZone: s.availabilityZone,
    AvailabilityZoneId: `use1-az${i + 1}`,
    AvailableIpAddressCount: 4091,
    CidrBlock: `${s.prefix}.0/20`,
    DefaultForAz: true,
    MapPublicIpOnLaunch: true,
    State: 'available',
    SubnetId: s.id,
    VpcId: network.vpcId,
    OwnerId: account,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    SubnetArn: `arn:aws:ec2:${region}:${account}:subnet/${s.id}`,
  }));
}

export function describeSubnets(sim: Simulator, o: Options) {
  const all = subnetViews(sim);
  const ids = o['subnet-ids'] ?? [];
  const missing = ids.filter((id) => !all.some((s) => s.SubnetId === id));
  if (missing.length > 0)
    throw new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${missing.join(', ')}' does not exist`);
  const chosen = ids.length > 0 ? all.filter((s) => ids.includes(s.SubnetId)) : all;
  return {
    Subnets: applyFilters(chosen, o, {
      'vpc-id': (s) => s.VpcId,
      'subnet-id': (s) => s.SubnetId,
      'availability-zone': (s) => s.AvailabilityZone,
      'default-for-az': (s) => String(s.DefaultForAz),
    }),
  };
}

export function describeVpcs(sim: Simulator, o: Options) {
  const { network, account } = sim.state;
  const vpc = {
    CidrBlock: '172.31.0.0/16',
    State: 'available',
    VpcId: network.vpcId,
    OwnerId: account,
    InstanceTenancy: 'default',
    IsDefault: true,
  };
  const ids = o['vpc-ids'] ?? [];
  const missing = ids.filter((id) => id !== vpc.VpcId);
  if (missing.length > 0)
    throw new AwsError('InvalidVpcID.NotFound', `The vpc ID '${missing.join(', ')}' does not exist`);
  return {
    Vpcs: applyFilters([vpc], o, { 'vpc-id': (v) => v.VpcId, 'is-default': (v) => String(v.IsDefault) }),
  };
}

export function describeSecurityGroups(sim: Simulator, o: Options) {
  const { network, account } = sim.state;
  const group = {
    Description: 'default VPC security group',
    GroupName: 'default',
    IpPermissions: [
      {
        IpProtocol: '-1',
        IpRanges: [],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [{ GroupId: network.securityGroupId, UserId: account }],
      },
    ],
    OwnerId: account,
    GroupId: network.securityGroupId,
    IpPermissionsEgress: [
      {
        IpProtocol: '-1',
        IpRanges: [{ CidrIp: '0.0.0.0/0' }],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
    ],
    VpcId: network.vpcId,
  };
  const ids = o['group-ids'] ?? [];
  const missing = ids.filter((id) => id !== group.GroupId);
  if (missing.length > 0)
    throw new AwsError('InvalidGroup.NotFound', `The security group '${missing.join(', ')}' does not exist`);
  return {
    SecurityGroups: applyFilters([group], o, {
      'vpc-id': (g) => g.VpcId,
      'group-name': (g) => g.GroupName,
      'group-id': (g) => g.GroupId,
    }),
  };
}

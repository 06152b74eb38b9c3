/**
 * The simulated account's default VPC: three public subnets in three Availability Zones and a
 * default security group, like a fresh AWS account. awsvpc tasks take a private IP from their
 * subnet; bridge tasks get dynamic host ports from the instance's ephemeral range.
 */
export interface Subnet {
  id: string;
  availabilityZone: string;
  /** First three octets, e.g. "172.31.0"; the simulated subnets are /20 but IPs come from x.y.z.10-250. */
  prefix: string;
}

export interface NetworkState {
  vpcId: string;
  securityGroupId: string;
  subnets: Subnet[];
  /** Next host number to hand out per subnet. */
  nextHost: Record<string, number>;
}

export function defaultNetwork(region: string, hex: (n: number) => string): NetworkState {
  const subnets = ['a', 'b', 'c'].map((zone, i) => ({
    id: `subnet-${hex(17)}`,
    availabilityZone: `${region}${zone}`,
    prefix: `172.31.${i * 16}`,
  }));
  return {
    vpcId: `vpc-${hex(17)}`,
    securityGroupId: `sg-${hex(17)}`,
    subnets,
    nextHost: Object.fromEntries(subnets.map((s) => [s.id, 10])),
  };
}

/** Allocates the next private IPv4 address in a subnet. */
export function allocateIp(network: NetworkState, subnetId: string): string {
  const subnet = network.subnets.find((s) => s.id === subnetId);
  if (!subnet) throw new Error(`unknown subnet ${subnetId}`);
  const host = network.nextHost[subnetId] ?? 10;
  network.nextHost[subnetId] = host + 1;
  // Spread across the /20: 4,096 addresses, skipping AWS's reserved first four.
  const third = Number(subnet.prefix.split('.')[2]) + Math.floor(host / 250);
  const fourth = 4 + (host % 250);
  return `${subnet.prefix.split('.').slice(0, 2).join('.')}.${third}.${fourth}`;
}

/** The first host port Docker hands out for dynamic mappings on ECS-optimized Linux AMIs. */
export const EPHEMERAL_PORTS = { first: 32768, last: 60999 } as const;

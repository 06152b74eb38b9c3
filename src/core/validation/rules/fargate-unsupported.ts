import { asArray, asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

const WHY =
  'Fargate runs every task on infrastructure you do not manage, so settings that reach into the host are not available.';

/** Container parameters Fargate does not accept, with what the learner should do instead. */
const CONTAINER_PARAMETERS: Record<string, string> = {
  links: 'In awsvpc mode containers of one task reach each other on localhost.',
  privileged: 'Privileged containers get access to the host, which Fargate never gives.',
  dockerSecurityOptions: 'SELinux and AppArmor labels need a host you control (EC2).',
  disableNetworking: 'Use the "none" network mode on EC2 if a task must have no network.',
  dnsServers: "Fargate tasks use the VPC's DNS resolver.",
  dnsSearchDomains: "Fargate tasks use the VPC's DNS settings.",
  extraHosts: 'Extra /etc/hosts entries are not available on Fargate; use DNS (for example Cloud Map).',
};

/** Parameters not valid on Fargate (Linux): task-level, container-level and Linux parameters. */
export const fargateUnsupported: Rule = {
  id: 'fargate-unsupported-parameter',
  summary: 'The task definition uses no parameter that Fargate rejects.',
  learnMore: { lesson: { id: 'launch-types-and-capacity', section: 'fargate' }, docs: DOCS.fargate },
  check({ td, containers, fargate }) {
    if (!fargate) return [];
    const out: Finding[] = [];
    const reject = (pointer: string, awsMessage: string, hint: string) =>
      out.push(
        finding(this, {
          awsMessage,
          explanation: `${WHY} ${hint}`,
          pointer,
          fixes: [{ title: `Remove ${pointer.split('/').at(-1)}`, edits: [{ pointer, remove: true }] }],
        }),
      );

    const pidMode = asString(td.pidMode);
    if (pidMode !== undefined && pidMode !== 'task') {
      reject(
        '/pidMode',
        `Tasks using the Fargate launch type do not support pidMode '${pidMode}'. The supported value for pidMode is 'task'.`,
        'Containers of one task can still share a process namespace with "pidMode": "task".',
      );
    }
    if (td.ipcMode !== undefined)
      reject(
        '/ipcMode',
        'Tasks using the Fargate launch type do not support ipcMode.',
        'Shared IPC namespaces need EC2 capacity.',
      );
    if (asArray(td.placementConstraints).length > 0) {
      reject(
        '/placementConstraints',
        'Tasks using the Fargate launch type do not support placementConstraints.',
        'Fargate places tasks for you; there are no instances to constrain.',
      );
    }
    asArray(td.volumes).forEach((raw, i) => {
      const volume = asObject(raw);
      if (volume?.dockerVolumeConfiguration !== undefined) {
        reject(
          `/volumes/${i}/dockerVolumeConfiguration`,
          'Tasks using the Fargate launch type do not support dockerVolumeConfiguration.',
          'Use a bind mount (a volume with just a name), an EFS volume or an EBS volume instead.',
        );
      }
      if (asString(asObject(volume?.host)?.sourcePath) !== undefined) {
        reject(
          `/volumes/${i}/host/sourcePath`,
          'Tasks using the Fargate launch type do not support host volumes with a sourcePath.',
          'There is no host file system to mount; use EFS for shared or persistent files.',
        );
      }
    });

    for (const c of containers) {
      for (const [parameter, hint] of Object.entries(CONTAINER_PARAMETERS)) {
        const value = c.def[parameter];
        if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
        reject(`${c.pointer}/${parameter}`, `Tasks using the Fargate launch type do not support '${parameter}'.`, hint);
      }
      asArray(c.def.resourceRequirements).forEach((raw, i) => {
        if (asString(asObject(raw)?.type) === 'GPU') {
          reject(
            `${c.pointer}/resourceRequirements/${i}`,
            'Tasks using the Fargate launch type do not support GPU resource requirements.',
            'GPU workloads run on EC2 or ECS Managed Instances capacity.',
          );
        }
      });
      const linux = asObject(c.def.linuxParameters);
      if (!linux) continue;
      const lp = `${c.pointer}/linuxParameters`;
      for (const parameter of ['devices', 'sharedMemorySize', 'tmpfs', 'maxSwap', 'swappiness']) {
        if (linux[parameter] !== undefined)
          reject(
            `${lp}/${parameter}`,
            `Tasks using the Fargate launch type do not support linuxParameters '${parameter}'.`,
            'Only capabilities (adding SYS_PTRACE) and initProcessEnabled are available on Fargate.',
          );
      }
      asArray(asObject(linux.capabilities)?.add).forEach((cap, i) => {
        if (typeof cap === 'string' && cap !== 'SYS_PTRACE') {
          reject(
            `${lp}/capabilities/add/${i}`,
            `Tasks using the Fargate launch type only support adding the 'SYS_PTRACE' kernel capability.`,
            `"${cap}" cannot be added on Fargate; dropping capabilities is allowed.`,
          );
        }
      });
    }
    return out;
  },
};

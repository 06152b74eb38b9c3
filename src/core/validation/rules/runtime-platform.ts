import { asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/**
 * runtimePlatform: Windows tasks run on X86_64 only and in awsvpc (or Windows' default NAT) mode,
 * not bridge, host or none; Windows on Fargate needs at least 1 vCPU (checked with the sizes).
 */
export const runtimePlatform: Rule = {
  id: 'runtime-platform',
  summary: 'The operating system, CPU architecture and network mode go together.',
  learnMore: {
    lesson: { id: 'containers-vs-virtual-machines', section: 'portable-with-two-conditions' },
    docs: DOCS.runtimePlatform,
  },
  check({ td, windows, networkMode, networkModeWritten, requires }) {
    const platform = asObject(td.runtimePlatform);
    if (!platform) return [];
    const out: Finding[] = [];
    const arch = asString(platform.cpuArchitecture);
    const os = asString(platform.operatingSystemFamily);
    if (windows && arch === 'ARM64') {
      out.push(
        finding(this, {
          awsMessage: `Invalid runtimePlatform: operatingSystemFamily ${os} is not supported with cpuArchitecture ARM64.`,
          explanation: 'Windows containers on ECS run on x86 processors only: use "cpuArchitecture": "X86_64".',
          pointer: '/runtimePlatform/cpuArchitecture',
          fixes: [{ title: 'Use X86_64', edits: [{ pointer: '/runtimePlatform/cpuArchitecture', value: 'X86_64' }] }],
        }),
      );
    }
    if (windows && networkModeWritten && networkMode !== 'awsvpc') {
      out.push(
        finding(this, {
          awsMessage: `Windows tasks do not support network mode '${networkMode}'.`,
          explanation:
            "Windows containers use awsvpc, or Windows' own default NAT network when networkMode is left out.",
          pointer: '/networkMode',
        }),
      );
    }
    if (windows && requires.has('EXTERNAL')) {
      out.push(
        finding(this, {
          awsMessage: 'ECS Anywhere (EXTERNAL) does not support Windows task definitions here.',
          explanation: 'External instances run Linux task definitions in bridge, host or none mode.',
          pointer: '/requiresCompatibilities',
        }),
      );
    }
    return out;
  },
};

/** Every semantic rule, in the order their findings are most useful to read. */
import type { Rule } from '../rule.ts';
import { awsvpcContainerOptions } from './awsvpc-container-options.ts';
import { containerCount } from './container-count.ts';
import { containerCpu } from './container-cpu.ts';
import { containerImage } from './container-image.ts';
import { containerMemory } from './container-memory.ts';
import { containerName } from './container-name.ts';
import { dependsOn } from './depends-on.ts';
import { duplicatePorts } from './duplicate-ports.ts';
import { environment } from './environment.ts';
import { ephemeralStorage } from './ephemeral-storage.ts';
import { essentialContainer } from './essential-container.ts';
import { executionRole } from './execution-role.ts';
import { family } from './family.ts';
import { fargateNetworkMode } from './fargate-network-mode.ts';
import { fargateTaskSize } from './fargate-task-size.ts';
import { fargateUnsupported } from './fargate-unsupported.ts';
import { healthCheck } from './health-check.ts';
import { links } from './links.ts';
import { logConfiguration } from './log-configuration.ts';
import { portMappingNames } from './port-mapping-names.ts';
import { portMappings } from './port-mappings.ts';
import { portRanges } from './port-ranges.ts';
import { latestTag, noLogConfiguration, plaintextSecrets, privilegedContainer } from './practices.ts';
import { referenceCycles } from './reference-cycles.ts';
import { roleArns } from './role-arns.ts';
import { runtimePlatform } from './runtime-platform.ts';
import { secretReferences } from './secret-references.ts';
import { taskSizeFormat } from './task-size-format.ts';
import { timeouts } from './timeouts.ts';
import { uniqueContainerNames } from './unique-container-names.ts';
import { volumes } from './volumes.ts';

export const RULES: readonly Rule[] = [
  family,
  containerCount,
  containerName,
  uniqueContainerNames,
  containerImage,
  essentialContainer,
  fargateNetworkMode,
  taskSizeFormat,
  fargateTaskSize,
  containerCpu,
  containerMemory,
  portMappings,
  portRanges,
  duplicatePorts,
  portMappingNames,
  awsvpcContainerOptions,
  links,
  dependsOn,
  referenceCycles,
  volumes,
  fargateUnsupported,
  executionRole,
  roleArns,
  logConfiguration,
  runtimePlatform,
  healthCheck,
  ephemeralStorage,
  environment,
  secretReferences,
  timeouts,
  latestTag,
  noLogConfiguration,
  plaintextSecrets,
  privilegedContainer,
];

/**
 * `aws ecs …` and `aws ecr …` for completion, derived from the same generated API model as the
 * CLI's own parser and help (`src/core/ecs/model.ts`), so Tab offers exactly the operations and
 * options the simulated CLI accepts; plus the CLI's extras (`ecs wait`, `ecr get-login-password`).
 */
import { WAITERS } from '../cli/aws/waiters.ts';
import {
  enumValues,
  kebab,
  type MemberType,
  operation,
  operationNames,
  type ServiceName,
  shape,
} from '../ecs/model.ts';
import type { CommandSpec, OptionSpec, ResourceKind } from './command-spec.ts';

/** Options of `aws ecs|ecr <operation>` besides the operation's own (see GLOBAL_* in params.ts). */
export const OPERATION_GLOBALS: Readonly<Record<string, OptionSpec>> = {
  '--cli-input-json': { files: true },
  '--generate-cli-skeleton': { values: ['input', 'output'] },
  '--no-cli-pager': { flag: true },
};

/** What an input member holds, by its name: which resource names to offer. */
const MEMBER_RESOURCES: Readonly<Record<string, ResourceKind>> = {
  cluster: 'cluster',
  clusters: 'cluster',
  service: 'service',
  services: 'service',
  taskDefinition: 'task-definition',
  taskDefinitions: 'task-definition',
  family: 'family',
  familyPrefix: 'family',
  task: 'task',
  tasks: 'task',
  containerInstance: 'container-instance',
  containerInstances: 'container-instance',
  resourceArn: 'resource-arn',
  repositoryName: 'repository',
  repositoryNames: 'repository',
  networkConfiguration: 'network-configuration',
};

function optionFor(service: ServiceName, operationName: string, member: string, type: MemberType): OptionSpec {
  const list = type.type === 'list';
  const item = type.type === 'list' ? type.member : type;
  // A new resource's name: offering the existing ones would only invite a clash.
  const names =
    operationName.startsWith('Create') && member === 'repositoryName' ? undefined : MEMBER_RESOURCES[member];
  const enumName = item.type === 'string' ? item.enum : undefined;
  const values = enumName ? enumValues(service, enumName) : names;
  const structured = item.type === 'structure' || item.type === 'map';
  return {
    ...(list ? { list: true } : {}),
    ...(values ? { values } : {}),
    ...(structured ? { files: true } : {}),
  };
}

/** The options of one operation: `--member` for each input member, and `--no-member` for booleans. */
export function operationOptions(
  service: ServiceName,
  operationName: string,
  input = operation(service, operationName)?.input,
): Record<string, OptionSpec> {
  const members = input ? (shape(service, input)?.members ?? {}) : {};
  const options: Record<string, OptionSpec> = {};
  for (const [member, type] of Object.entries(members)) {
    if (type.type === 'boolean') {
      options[`--${kebab(member)}`] = { flag: true };
      options[`--no-${kebab(member)}`] = { flag: true };
    } else options[`--${kebab(member)}`] = optionFor(service, operationName, member, type);
  }
  return { ...options, ...OPERATION_GLOBALS };
}

function serviceSpec(service: ServiceName): CommandSpec {
  const subcommands: Record<string, CommandSpec> = {};
  for (const name of operationNames(service)) subcommands[kebab(name)] = { options: operationOptions(service, name) };
  if (service === 'ecs') {
    // `aws ecs wait NAME`: each waiter polls one operation, and takes that operation's options.
    const waiters: Record<string, CommandSpec> = {};
    for (const [name, waiter] of Object.entries(WAITERS))
      waiters[name] = { options: operationOptions('ecs', waiter.operation, waiter.inputShape) };
    subcommands.wait = { subcommands: waiters };
  }
  if (service === 'ecr') subcommands['get-login-password'] = { options: { '--no-cli-pager': { flag: true } } };
  return { subcommands };
}

export const modelServices = (): Record<string, CommandSpec> => ({ ecs: serviceSpec('ecs'), ecr: serviceSpec('ecr') });

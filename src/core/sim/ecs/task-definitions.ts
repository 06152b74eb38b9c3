/**
 * RegisterTaskDefinition (through the course's validator, so the editor and the cluster agree),
 * DescribeTaskDefinition, DeregisterTaskDefinition, DeleteTaskDefinitions, ListTaskDefinitions,
 * ListTaskDefinitionFamilies.
 */
import type { ContainerDefinition, TaskDefinition } from '../../ecs/generated/ecs-types.ts';
import { parseTaskCpu, parseTaskMemory } from '../../ecs/task-size.ts';
import { checkTaskDefinition } from '../../validation/index.ts';
import type { Simulator } from '../engine.ts';
import { clientException, invalidParameter } from '../errors.ts';
import { copy, type Input, int, list, obj, str, strings } from './common.ts';

/** Where the definition is valid, as ECS computes `compatibilities`. */
function compatibilities(input: Input): string[] {
  const valid = (target: string) =>
    !checkTaskDefinition({ ...input, requiresCompatibilities: [target] }).some((f) => f.severity === 'error');
  const out = ['EC2'];
  if (valid('FARGATE')) out.push('FARGATE');
  if (str(input, 'networkMode') !== 'awsvpc') out.push('EXTERNAL');
  return out;
}

/** Capabilities a container instance must offer, as ECS lists them in `requiresAttributes`. */
function requiredAttributes(def: TaskDefinition): { name: string }[] {
  const names = new Set<string>();
  for (const c of def.containerDefinitions ?? []) {
    const driver = c.logConfiguration?.logDriver;
    if (driver) names.add(`com.amazonaws.ecs.capability.logging-driver.${driver}`);
    if (driver === 'awslogs' && def.executionRoleArn) names.add('ecs.capability.execution-role-awslogs');
    if (c.image?.includes('.dkr.ecr.') && def.executionRoleArn) names.add('ecs.capability.execution-role-ecr-pull');
    if ((c.secrets ?? []).length > 0) names.add('ecs.capability.secrets.asm.environment-variables');
    if (c.healthCheck) names.add('ecs.capability.container-health-check');
    if ((c.dependsOn ?? []).length > 0) names.add('ecs.capability.container-ordering');
  }
  if (def.networkMode === 'awsvpc') names.add('ecs.capability.task-eni');
  if (def.taskRoleArn) names.add('com.amazonaws.ecs.capability.task-iam-role');
  names.add('com.amazonaws.ecs.capability.docker-remote-api.1.18');
  return [...names].sort().map((name) => ({ name }));
}

/** The defaults ECS fills into each container definition. */
function withContainerDefaults(c: ContainerDefinition, networkMode: string): ContainerDefinition {
  const portMappings = (c.portMappings ?? []).map((p) => ({
    ...p,
    ...(p.containerPort !== undefined &&
    (networkMode === 'awsvpc' || networkMode === 'host') &&
    p.hostPort === undefined
      ? { hostPort: p.containerPort }
      : {}),
    protocol: p.protocol ?? 'tcp',
  }));
  return {
    ...c,
    cpu: c.cpu ?? 0,
    portMappings,
    essential: c.essential ?? true,
    environment: c.environment ?? [],
    mountPoints: c.mountPoints ?? [],
    volumesFrom: c.volumesFrom ?? [],
  };
}

export function registerTaskDefinition(sim: Simulator, input: Input) {
  const error = checkTaskDefinition(input).find((f) => f.severity === 'error');
  if (error) throw clientException(error.awsMessage);
  const family = str(input, 'family') as string;
  sim.state.taskDefinitions[family] ??= [];
  const revisions = sim.state.taskDefinitions[family];
  const revision = revisions.length + 1;
  const networkMode = str(input, 'networkMode') ?? 'bridge';
  const cpu = str(input, 'cpu');
  const memory = str(input, 'memory');
  const def: TaskDefinition = {
    taskDefinitionArn: sim.arn('ecs', `task-definition/${family}:${revision}`),
    containerDefinitions: (copy(list(input, 'containerDefinitions')) as ContainerDefinition[]).map((c) =>
      withContainerDefaults(c, networkMode),
    ),
    family,
    ...(str(input, 'taskRoleArn') ? { taskRoleArn: str(input, 'taskRoleArn') as string } : {}),
    ...(str(input, 'executionRoleArn') ? { executionRoleArn: str(input, 'executionRoleArn') as string } : {}),
    networkMode: networkMode as TaskDefinition['networkMode'] & string,
    revision,
    volumes: copy(list(input, 'volumes')) as TaskDefinition['volumes'] & object,
    status: 'ACTIVE',
    placementConstraints: copy(list(input, 'placementConstraints')) as TaskDefinition['placementConstraints'] & object,
    compatibilities: compatibilities(input) as TaskDefinition['compatibilities'] & object,
    ...(input.runtimePlatform
      ? { runtimePlatform: copy(input.runtimePlatform) as TaskDefinition['runtimePlatform'] & object }
      : {}),
    ...(input.requiresCompatibilities
      ? {
          requiresCompatibilities: strings(
            input,
            'requiresCompatibilities',
          ) as TaskDefinition['requiresCompatibilities'] & object,
        }
      : {}),
    ...(cpu !== undefined ? { cpu: String(parseTaskCpu(cpu)) } : {}),
    ...(memory !== undefined ? { memory: String(parseTaskMemory(memory)) } : {}),
    ...(str(input, 'pidMode') ? { pidMode: str(input, 'pidMode') as TaskDefinition['pidMode'] & string } : {}),
    ...(str(input, 'ipcMode') ? { ipcMode: str(input, 'ipcMode') as TaskDefinition['ipcMode'] & string } : {}),
    ...(input.ephemeralStorage
      ? { ephemeralStorage: copy(input.ephemeralStorage) as TaskDefinition['ephemeralStorage'] & object }
      : {}),
    registeredAt: sim.seconds,
    registeredBy: `arn:aws:iam::${sim.state.account}:user/learner`,
  };
  def.requiresAttributes = requiredAttributes(def);
  revisions.push(def);
  const tags = list(input, 'tags')
    .map(obj)
    .filter((t): t is Input => t !== undefined && typeof t.key === 'string');
  sim.state.tags[def.taskDefinitionArn as string] = copy(tags) as { key: string; value?: string }[];
  sim.note(`Task definition ${family}:${revision} registered.`);
  return { taskDefinition: copy(def), tags: copy(tags) };
}

/**
 * Resolves family, family:revision or an ARN. Family alone means the latest ACTIVE revision.
 * `allowDeleted`: a revision that tasks or services already use, which keeps working while
 * DELETE_IN_PROGRESS (as on AWS).
 */
export function resolveTaskDefinition(
  sim: Simulator,
  reference: string,
  options: { allowInactive?: boolean; allowDeleted?: boolean } = {},
): TaskDefinition {
  const value = reference.startsWith('arn:') ? (reference.split('task-definition/')[1] ?? '') : reference;
  const [family = '', revisionText] = value.split(':');
  const revisions = sim.state.taskDefinitions[family] ?? [];
  if (revisionText !== undefined) {
    if (!/^\d+$/.test(revisionText)) throw clientException(`Invalid revision number. Number: ${revisionText}`);
    const def = revisions[Number(revisionText) - 1];
    if (!def || (def.status === 'DELETE_IN_PROGRESS' && !options.allowDeleted))
      throw clientException('Unable to describe task definition.');
    if (def.status === 'INACTIVE' && !options.allowInactive) throw clientException('TaskDefinition is inactive');
    return def;
  }
  const latest = [...revisions].reverse().find((d) => d.status === 'ACTIVE');
  if (!latest) throw clientException('Unable to describe task definition.');
  return latest;
}

export function describeTaskDefinition(sim: Simulator, input: Input) {
  const reference = str(input, 'taskDefinition');
  if (!reference) throw clientException('Unable to describe task definition.');
  const def = resolveTaskDefinition(sim, reference, { allowInactive: true });
  const withTags = strings(input, 'include').includes('TAGS');
  return {
    taskDefinition: copy(def),
    ...(withTags ? { tags: copy(sim.state.tags[def.taskDefinitionArn as string] ?? []) } : {}),
  };
}

export function deregisterTaskDefinition(sim: Simulator, input: Input) {
  const reference = str(input, 'taskDefinition') ?? '';
  if (!reference.includes(':')) throw clientException('Revision is missing.');
  const def = resolveTaskDefinition(sim, reference, { allowInactive: true });
  def.status = 'INACTIVE';
  def.deregisteredAt = sim.seconds;
  sim.note(`Task definition ${def.family}:${def.revision} deregistered.`);
  return { taskDefinition: copy(def) };
}

export function deleteTaskDefinitions(sim: Simulator, input: Input) {
  const references = strings(input, 'taskDefinitions');
  if (references.length === 0 || references.length > 10)
    throw invalidParameter('Provide between 1 and 10 task definitions.');
  const taskDefinitions: TaskDefinition[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const reference of references) {
    try {
      const def = resolveTaskDefinition(sim, reference, { allowInactive: true });
      if (def.status === 'ACTIVE') {
        failures.push({
          arn: def.taskDefinitionArn as string,
          reason:
            'The specified task definition is still in ACTIVE status. Please deregister the target and try again.',
        });
        continue;
      }
      def.status = 'DELETE_IN_PROGRESS';
      taskDefinitions.push(copy(def));
    } catch {
      failures.push({ arn: reference, reason: 'The specified task definition does not exist.' });
    }
  }
  return { taskDefinitions, failures };
}

export function listTaskDefinitions(sim: Simulator, input: Input) {
  const familyPrefix = str(input, 'familyPrefix');
  const status = str(input, 'status') ?? 'ACTIVE';
  const sort = str(input, 'sort') ?? 'ASC';
  const arns = Object.entries(sim.state.taskDefinitions)
    .filter(([family]) => familyPrefix === undefined || family.startsWith(familyPrefix))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([, revisions]) => revisions.filter((d) => d.status === status).map((d) => d.taskDefinitionArn as string));
  if (sort === 'DESC') arns.reverse();
  const max = int(input, 'maxResults') ?? 100;
  return { taskDefinitionArns: arns.slice(0, max) };
}

export function listTaskDefinitionFamilies(sim: Simulator, input: Input) {
  const prefix = str(input, 'familyPrefix');
  // By default both ACTIVE and INACTIVE families are listed (API reference).
  const status = str(input, 'status') ?? 'ALL';
  const families = Object.entries(sim.state.taskDefinitions)
    .filter(
      ([family, revisions]) =>
        (prefix === undefined || family.startsWith(prefix)) &&
        (status === 'ALL' ||
          revisions.some(
            (d) =>
              (status === 'ACTIVE' ? d.status === 'ACTIVE' : true) &&
              (status !== 'INACTIVE' || revisions.every((r) => r.status !== 'ACTIVE')),
          )),
    )
    .map(([family]) => family)
    .sort();
  return { families };
}

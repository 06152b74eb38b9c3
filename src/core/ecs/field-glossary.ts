/**
 * Which glossary entry explains a task definition field, so the editor's hover shows the same
 * definition as the glossary page, the lesson tooltips and `explain` in the terminal.
 * Keyed by `Shape.member` of the generated model, like the field descriptions.
 */
export const FIELD_GLOSSARY: Record<string, string> = {
  'RegisterTaskDefinitionRequest.family': 'family-and-revision',
  'RegisterTaskDefinitionRequest.containerDefinitions': 'container-definition',
  'RegisterTaskDefinitionRequest.taskRoleArn': 'task-role',
  'RegisterTaskDefinitionRequest.executionRoleArn': 'task-execution-role',
  'RegisterTaskDefinitionRequest.networkMode': 'network-mode',
  'RegisterTaskDefinitionRequest.requiresCompatibilities': 'launch-type',
  'RegisterTaskDefinitionRequest.cpu': 'task-size',
  'RegisterTaskDefinitionRequest.memory': 'task-size',
  'RegisterTaskDefinitionRequest.placementConstraints': 'placement-constraint',
  'RegisterTaskDefinitionRequest.runtimePlatform': 'multi-architecture-image',
  'RegisterTaskDefinitionRequest.ephemeralStorage': 'ephemeral-storage',
  'ContainerDefinition.image': 'container-image',
  'ContainerDefinition.essential': 'essential-container',
  'ContainerDefinition.portMappings': 'port-mapping',
  'ContainerDefinition.healthCheck': 'container-health-check',
  'ContainerDefinition.logConfiguration': 'awslogs-driver',
  'ContainerDefinition.secrets': 'aws-secrets-manager',
};

/** The slugs the editor needs, to send only those entries to the page. */
export const fieldGlossarySlugs = (): string[] => [...new Set(Object.values(FIELD_GLOSSARY))];

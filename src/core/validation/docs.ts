/** AWS documentation pages the rules cite (read for the facts; no text is copied). */
const GUIDE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide';
const API = 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference';

export const DOCS = {
  parameters: `${GUIDE}/task_definition_parameters.html`,
  fargate: `${GUIDE}/fargate-tasks-services.html`,
  fargateSizes: 'https://docs.aws.amazon.com/AmazonECS/latest/userguide/task-cpu-memory-error.html',
  networking: `${GUIDE}/task-networking.html`,
  awslogs: `${GUIDE}/using_awslogs.html`,
  executionRole: `${GUIDE}/task_execution_IAM_role.html`,
  secrets: `${GUIDE}/specifying-sensitive-data.html`,
  quotas: `${GUIDE}/service-quotas.html`,
  registerApi: `${API}/API_RegisterTaskDefinition.html`,
  containerDefinition: `${API}/API_ContainerDefinition.html`,
  portMapping: `${API}/API_PortMapping.html`,
  dependency: `${API}/API_ContainerDependency.html`,
  healthCheck: `${API}/API_HealthCheck.html`,
  logConfiguration: `${API}/API_LogConfiguration.html`,
  runtimePlatform: `${API}/API_RuntimePlatform.html`,
  ephemeralStorage: `${API}/API_EphemeralStorage.html`,
  mountPoint: `${API}/API_MountPoint.html`,
  linuxParameters: `${API}/API_LinuxParameters.html`,
} as const;

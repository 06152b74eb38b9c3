/**
 * Our own short descriptions of the task definition fields a learner meets, shown as hover help
 * in the editor. Keyed by `Shape.member` of the generated model. Written for beginners; AWS's
 * documentation sentences are never copied here.
 */
export const FIELD_DESCRIPTIONS: Record<string, string> = {
  'RegisterTaskDefinitionRequest.family':
    'Name shared by all revisions of this task definition. Registering again under the same family creates revision N+1.',
  'RegisterTaskDefinitionRequest.containerDefinitions':
    'The containers that run together in every task started from this definition (1 to 10).',
  'RegisterTaskDefinitionRequest.taskRoleArn':
    'IAM role your application code uses to call AWS services (S3, DynamoDB, …).',
  'RegisterTaskDefinitionRequest.executionRoleArn':
    'IAM role ECS itself uses for this task: to pull private images, send awslogs and fetch secrets.',
  'RegisterTaskDefinitionRequest.networkMode':
    "How containers get a network: awsvpc (own network interface per task; required on Fargate), bridge (Docker bridge, default on EC2), host (the instance's network), none.",
  'RegisterTaskDefinitionRequest.volumes':
    'Volumes the containers can mount: bind mounts, EFS file systems, Docker volumes (EC2), or an EBS volume configured at launch.',
  'RegisterTaskDefinitionRequest.placementConstraints':
    'Rules about which EC2 instances may run this task (memberOf expressions). Not for Fargate.',
  'RegisterTaskDefinitionRequest.requiresCompatibilities':
    'Where this definition must be valid: FARGATE, EC2, EXTERNAL (ECS Anywhere) or MANAGED_INSTANCES. ECS checks the definition against each.',
  'RegisterTaskDefinitionRequest.cpu':
    'CPU for the whole task, as CPU units ("1024") or vCPU ("1 vCPU"). Required on Fargate, where it must pair with a valid memory size.',
  'RegisterTaskDefinitionRequest.memory':
    'Memory for the whole task, in MiB ("2048") or GB ("2 GB"). Required on Fargate.',
  'RegisterTaskDefinitionRequest.tags': 'Key/value labels for cost reports and access control (up to 50).',
  'RegisterTaskDefinitionRequest.pidMode':
    'Share a process namespace: "task" among the task\'s containers, "host" with the instance (EC2 only).',
  'RegisterTaskDefinitionRequest.ipcMode':
    'Share inter-process communication (shared memory) with the host or within the task. Not on Fargate.',
  'RegisterTaskDefinitionRequest.ephemeralStorage':
    'Extra scratch disk for a Fargate task: 21–200 GiB (the default is 20 GiB).',
  'RegisterTaskDefinitionRequest.runtimePlatform':
    'Operating system and CPU architecture the images are built for (LINUX or a Windows version; X86_64 or ARM64).',
  'RegisterTaskDefinitionRequest.proxyConfiguration': 'Settings for an App Mesh proxy container (legacy service mesh).',
  'RegisterTaskDefinitionRequest.enableFaultInjection':
    'Allow fault-injection experiments (AWS FIS) against tasks of this definition.',
  'ContainerDefinition.name':
    'Name of the container, unique in the task. Load balancers, logs and dependencies refer to containers by name.',
  'ContainerDefinition.image':
    'Image to run: registry/repository:tag or @sha256:digest. Without a registry, Docker Hub is assumed.',
  'ContainerDefinition.cpu':
    'CPU units reserved for this container (1024 = 1 vCPU). Optional; all containers together must fit in the task cpu.',
  'ContainerDefinition.memory': 'Hard memory limit in MiB: the container is killed if it uses more.',
  'ContainerDefinition.memoryReservation':
    'Soft memory reservation in MiB, used to place the task. The container may use more, up to "memory".',
  'ContainerDefinition.portMappings':
    'Ports the container listens on, and how they are published (depends on the network mode).',
  'ContainerDefinition.essential':
    'If an essential container stops, ECS stops the whole task. Defaults to true; at least one container must be essential.',
  'ContainerDefinition.entryPoint': "Overrides the image's ENTRYPOINT.",
  'ContainerDefinition.command': "Overrides the image's CMD: the command (and arguments) the container runs.",
  'ContainerDefinition.environment':
    'Plain environment variables ({ "name", "value" }). Visible to anyone who can read the definition: use secrets for passwords.',
  'ContainerDefinition.environmentFiles': 'Up to 10 .env files in S3 whose variables are loaded into the container.',
  'ContainerDefinition.mountPoints': 'Where declared task volumes appear inside this container.',
  'ContainerDefinition.volumesFrom': 'Mount every volume of another container of the task.',
  'ContainerDefinition.linuxParameters':
    'Linux-specific settings: kernel capabilities, init process, devices, shared memory, tmpfs, swap.',
  'ContainerDefinition.secrets':
    'Environment variables filled from Secrets Manager or Parameter Store when the container starts (needs an execution role).',
  'ContainerDefinition.dependsOn': 'Containers this one waits for, and for what: START, COMPLETE, SUCCESS or HEALTHY.',
  'ContainerDefinition.startTimeout': 'Seconds to wait for dependencies before giving up on starting this container.',
  'ContainerDefinition.stopTimeout':
    'Seconds between SIGTERM and SIGKILL when the container is stopped (default 30; at most 120 on Fargate).',
  'ContainerDefinition.hostname': 'Hostname inside the container. Not with awsvpc.',
  'ContainerDefinition.user': 'User (and group) the container runs as, e.g. "1000:1000". Avoid root.',
  'ContainerDefinition.workingDirectory': 'Directory the command runs in.',
  'ContainerDefinition.disableNetworking': 'Turn networking off inside the container. Not on Fargate.',
  'ContainerDefinition.privileged': 'Give the container nearly full access to the host. Avoid; not on Fargate.',
  'ContainerDefinition.readonlyRootFilesystem':
    "Make the container's root file system read-only: a cheap, strong hardening.",
  'ContainerDefinition.dnsServers': 'Custom DNS servers. Not on Fargate.',
  'ContainerDefinition.dnsSearchDomains': 'Custom DNS search domains. Not on Fargate.',
  'ContainerDefinition.extraHosts': 'Extra /etc/hosts entries. Not on Fargate or with awsvpc.',
  'ContainerDefinition.dockerSecurityOptions': 'SELinux/AppArmor labels and similar. EC2 only.',
  'ContainerDefinition.interactive': 'Keep stdin open (docker run -i).',
  'ContainerDefinition.pseudoTerminal': 'Allocate a terminal (docker run -t).',
  'ContainerDefinition.dockerLabels': 'Docker labels on the container.',
  'ContainerDefinition.ulimits': 'Resource limits such as the number of open files (nofile).',
  'ContainerDefinition.logConfiguration': "Where the container's output goes: usually awslogs (CloudWatch Logs).",
  'ContainerDefinition.healthCheck': 'A command ECS runs inside the container to decide whether it is healthy.',
  'ContainerDefinition.systemControls': "Kernel parameters (sysctls) for the container's namespace.",
  'ContainerDefinition.resourceRequirements': 'GPUs or inference accelerators for the container (EC2).',
  'ContainerDefinition.firelensConfiguration': 'Makes this container a FireLens log router (Fluent Bit or Fluentd).',
  'ContainerDefinition.links': 'Legacy Docker links to other containers (bridge mode only).',
  'ContainerDefinition.repositoryCredentials': 'Secret holding credentials for a private registry other than ECR.',
  'ContainerDefinition.restartPolicy':
    'Restart this container in place when it exits, instead of replacing the whole task.',
  'ContainerDefinition.versionConsistency':
    'Whether ECS pins the image tag to a digest when a deployment starts (default enabled).',
  'ContainerDefinition.credentialSpecs': 'Active Directory credential spec (gMSA) for Windows or Linux containers.',
  'PortMapping.containerPort': 'Port the application listens on inside the container.',
  'PortMapping.hostPort':
    'Port on the host. awsvpc/host: omit or equal to containerPort. bridge: 0 or omitted = dynamic port chosen by ECS.',
  'PortMapping.protocol': 'tcp (default) or udp.',
  'PortMapping.name': 'Name for the port, used by Service Connect.',
  'PortMapping.appProtocol': 'Application protocol (http, http2, grpc) for Service Connect metrics.',
  'PortMapping.containerPortRange': 'A range such as "8000-8100" instead of one containerPort (bridge and awsvpc).',
  'LogConfiguration.logDriver':
    'Log driver: awslogs (CloudWatch Logs), awsfirelens, splunk; on EC2 also json-file, syslog, journald, gelf, fluentd.',
  'LogConfiguration.options': 'Driver options, e.g. awslogs-group, awslogs-region, awslogs-stream-prefix.',
  'LogConfiguration.secretOptions': 'Driver options whose values come from secrets.',
  'HealthCheck.command':
    'Command to run: ["CMD", "prog", "arg"] or ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]. Exit 0 = healthy.',
  'HealthCheck.interval': 'Seconds between checks (5–300, default 30).',
  'HealthCheck.timeout': 'Seconds before a check counts as failed (2–60, default 5).',
  'HealthCheck.retries': 'Failed checks in a row before the container is UNHEALTHY (1–10, default 3).',
  'HealthCheck.startPeriod': 'Grace period in seconds after start during which failures do not count (0–300).',
  'ContainerDependency.containerName': 'The container to wait for.',
  'ContainerDependency.condition':
    'START (it has started), COMPLETE (it has exited), SUCCESS (it exited with 0) or HEALTHY (its health check passed).',
  'KeyValuePair.name': 'Variable name.',
  'KeyValuePair.value': 'Variable value, always a string.',
  'Secret.name': 'Name of the environment variable to set.',
  'Secret.valueFrom':
    'ARN of the Secrets Manager secret or Parameter Store parameter (or the parameter name in the same Region).',
  'MountPoint.sourceVolume': "Name of a volume declared in the task's volumes list.",
  'MountPoint.containerPath': 'Path inside the container where the volume appears.',
  'MountPoint.readOnly': 'Mount the volume read-only.',
  'Volume.name': 'Name that mount points refer to.',
  'Volume.host': 'Bind mount; on EC2 a sourcePath on the instance may be given.',
  'Volume.efsVolumeConfiguration': 'Mount an Amazon EFS file system (shared, persistent).',
  'Volume.dockerVolumeConfiguration': 'A Docker-managed volume. EC2 only.',
  'Volume.configuredAtLaunch': 'The volume (an EBS volume) is supplied when a task or service is started.',
  'RuntimePlatform.cpuArchitecture': 'X86_64 or ARM64 (Graviton). The image must be built for it.',
  'RuntimePlatform.operatingSystemFamily': 'LINUX, or the Windows Server version of the image.',
  'EphemeralStorage.sizeInGiB': 'Scratch disk size for a Fargate task, 21–200 GiB.',
  'Tag.key': 'Tag name (1–128 characters).',
  'Tag.value': 'Tag value (up to 256 characters).',
};

/**
 * `aws help`, `aws ecs help`, `aws ecs run-task help`: generated from the API model (operations,
 * options and their types) with our own one-line descriptions for the fields a learner meets.
 */
import { FIELD_DESCRIPTIONS } from '../../ecs/descriptions.ts';
import { kebab, type MemberType, operation, operationNames, type ServiceName, shape } from '../../ecs/model.ts';

function typeName(type: MemberType): string {
  switch (type.type) {
    case 'list':
      return `list of ${typeName(type.member)}`;
    case 'structure':
      return 'structure';
    case 'map':
      return 'map';
    default:
      return type.type;
  }
}

export function awsHelp(path: string[]): string {
  const [service, subcommand] = path;
  if (!service) {
    return [
      'aws — the AWS Command Line Interface (simulated by ECS Academy)',
      '',
      'Usage: aws [options] <command> <subcommand> [parameters]',
      '',
      'Simulated commands: ecs and ecr (options checked against the AWS API model; a few operations',
      'are not simulated yet), and the parts of ec2, elbv2 and logs the labs need (run one without a',
      'subcommand for its list). Try: aws ecs help',
      'Global options: --output json|text|table, --query JMESPATH, --cli-input-json, --generate-cli-skeleton, --region.',
      '',
    ].join('\n');
  }
  const svc = service as ServiceName;
  if (!subcommand) {
    return [
      `aws ${service} — available subcommands:`,
      '',
      ...operationNames(svc).map((o) => `  ${kebab(o)}`),
      ...(svc === 'ecs' ? ['  wait'] : []),
      '',
    ].join('\n');
  }
  const name = operationNames(svc).find((o) => kebab(o) === subcommand);
  const op = name ? operation(svc, name) : undefined;
  if (!name || !op) return `aws ${service}: no such subcommand: ${subcommand}\n`;
  const def = shape(svc, op.input);
  const lines = [`aws ${service} ${subcommand}  (API operation ${name})`, '', 'Options:'];
  for (const [member, type] of Object.entries(def?.members ?? {})) {
    const required = def?.required.includes(member) ? ' (required)' : '';
    const description =
      FIELD_DESCRIPTIONS[`${op.input.replace(/Request$/, 'Request')}.${member}`] ??
      FIELD_DESCRIPTIONS[`RegisterTaskDefinitionRequest.${member}`];
    lines.push(
      `  --${kebab(member)} <${typeName(type)}>${required}${description && service === 'ecs' && subcommand === 'register-task-definition' ? `\n      ${description}` : ''}`,
    );
  }
  lines.push(
    '',
    'Global: --output json|text|table, --query, --cli-input-json <json|file://path>, --generate-cli-skeleton',
    '',
  );
  return lines.join('\n');
}

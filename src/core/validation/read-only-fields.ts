/**
 * Fields that `describe-task-definition` returns but `register-task-definition` does not accept.
 * Pasting a described definition back in is the most common first mistake, so each gets its own
 * explanation. Source: TaskDefinition vs RegisterTaskDefinitionRequest in the ECS API model.
 */
export const READ_ONLY_FIELDS: Record<string, string> = {
  taskDefinitionArn: 'ECS creates the ARN when it registers the definition.',
  revision: 'ECS numbers revisions itself: each registration in a family gets the next number.',
  status: 'ECS sets the status (ACTIVE, INACTIVE, DELETE_IN_PROGRESS).',
  requiresAttributes: 'ECS works out which container-instance capabilities the definition needs.',
  compatibilities: 'ECS computes where the definition can run; you state what you need in requiresCompatibilities.',
  registeredAt: 'ECS records when the revision was registered.',
  registeredBy: 'ECS records who registered the revision.',
  deregisteredAt: 'ECS records when the revision was deregistered.',
};

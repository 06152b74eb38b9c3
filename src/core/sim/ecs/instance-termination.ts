/**
 * What happens when the EC2 instance under a container instance goes away (terminate-instances,
 * or `sim kill-instance`): the agent disconnects, its tasks stop, and services look for new room.
 */
import type { Simulator } from '../engine.ts';
import type { ContainerInstanceRecord } from '../state.ts';
import { requestReconcile } from './reconcile-queue.ts';
import { stopTaskRecord } from './tasks.ts';

/** The live container instance behind an EC2 instance id, a container instance ARN or its id. */
export function findLiveInstance(sim: Simulator, reference: string): ContainerInstanceRecord | undefined {
  if (reference === '') return undefined;
  return Object.values(sim.state.containerInstances).find(
    (r) =>
      r.instance.status !== 'INACTIVE' &&
      (r.ec2InstanceId === reference ||
        r.instance.containerInstanceArn === reference ||
        r.instance.containerInstanceArn?.endsWith(`/${reference}`)),
  );
}

export function terminateInstance(sim: Simulator, record: ContainerInstanceRecord): void {
  record.instance.agentConnected = false;
  record.instance.status = 'INACTIVE';
  record.terminatedAt = sim.seconds;
  for (const t of Object.values(sim.state.tasks)) {
    if (t.instanceArn === record.instance.containerInstanceArn && t.task.desiredStatus === 'RUNNING') {
      stopTaskRecord(sim, t, 'TerminationNotice', `Host EC2 (instance ${record.ec2InstanceId}) terminated.`);
    }
  }
  for (const service of Object.values(sim.state.services)) {
    if (service.service.status === 'ACTIVE') requestReconcile(sim, service.service.serviceArn as string, 1);
  }
  sim.note(`EC2 instance ${record.ec2InstanceId} terminated.`);
}

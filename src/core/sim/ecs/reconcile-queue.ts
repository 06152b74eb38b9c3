/**
 * Asks the service scheduler to look at a service again. Many things call for a pass (a task
 * stops or runs, an instance joins, an update); one pending pass per service is enough, and the
 * earliest one wins. The pending time lives in the service's record, so the state stays plain
 * JSON and no event queue has to be searched.
 */
import type { Simulator } from '../engine.ts';
import type { ScheduledEvent } from '../state.ts';

export function requestReconcile(sim: Simulator, serviceArn: string, delaySeconds: number): void {
  const record = sim.state.services[serviceArn];
  if (!record) return;
  const at = sim.state.now + Math.round(delaySeconds * 1000);
  if (record.reconcileAt !== undefined && record.reconcileAt <= at) return;
  record.reconcileAt = at;
  sim.schedule(delaySeconds, { kind: 'service-reconcile', target: serviceArn });
}

/** Whether a "service-reconcile" event is the pass the service is waiting for (not one overtaken). */
export function takeReconcile(sim: Simulator, event: ScheduledEvent): boolean {
  const record = sim.state.services[event.target];
  if (!record || record.reconcileAt !== event.at) return false;
  delete record.reconcileAt;
  return true;
}

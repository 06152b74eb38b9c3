/**
 * Simulator throughput in Node: placing 10,000 tasks on 1,000 EC2 container instances, the cost
 * of one clock tick with 10,000 running tasks, and the memory the state holds.
 */
import { createSimulator, registerInstances } from '../../src/core/sim/index.ts';
import { median, ms, printTable, time } from './stats.ts';

export const TARGETS = { placeMs: 1000 };

const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

export function benchSimulator(): void {
  const before = heap();
  const sim = createSimulator({ seed: 1 });
  sim.call('ecs:CreateCluster', { clusterName: 'bench' });
  registerInstances(sim, 'bench', 1000, 'm5.xlarge');
  sim.call('ecs:RegisterTaskDefinition', {
    family: 'tiny',
    containerDefinitions: [
      { name: 'web', image: 'nginx:1.27', cpu: 256, memory: 256, portMappings: [{ containerPort: 80, hostPort: 0 }] },
    ],
  });
  const start = performance.now();
  for (let i = 0; i < 1000; i++) {
    sim.call('ecs:RunTask', {
      cluster: 'bench',
      taskDefinition: 'tiny',
      count: 10,
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
    });
  }
  const placeMs = performance.now() - start;
  const placed = Object.keys(sim.state.tasks).length;
  sim.advance(60);
  const running = Object.values(sim.state.tasks).filter((t) => t.task.lastStatus === 'RUNNING').length;
  const tickMs = median(time(() => sim.advance(1), 50, 5));
  const stateBytes = JSON.stringify(sim.state).length;
  const held = heap() - before;
  console.log('Simulator (Node)\n');
  printTable([
    ['measure', 'value', 'target'],
    [
      `place ${placed} tasks on 1,000 instances (1,000 RunTask calls)`,
      ms(placeMs),
      `< ${TARGETS.placeMs} ms ${placeMs < TARGETS.placeMs ? '(met)' : '(MISSED)'}`,
    ],
    [`one clock tick with ${running} running tasks`, ms(tickMs), ''],
    ['serialized state', `${(stateBytes / 1024 / 1024).toFixed(1)} MB`, ''],
    [
      'heap held by the simulator',
      `${(held / 1024 / 1024).toFixed(1)} MB`,
      (globalThis as { gc?: unknown }).gc ? '' : '(approximate: run node with --expose-gc)',
    ],
  ]);
}

/**
 * `curl URL` inside the simulated VPC: through a load balancer's DNS name (round robin over
 * healthy targets) or straight to a task's private IP and port.
 */
import { settleLoadBalancers } from '../sim/elb/load-balancing.ts';
import type { Simulator } from '../sim/engine.ts';
import type { TaskRecord } from '../sim/state.ts';
import type { CommandResult } from './result.ts';

function answer(record: TaskRecord, port: number, viaHostPort: boolean): string | undefined {
  if (record.task.lastStatus !== 'RUNNING') return undefined;
  for (const plan of record.plans) {
    const container = record.task.containers?.find((c) => c.name === plan.name);
    if (container?.lastStatus !== 'RUNNING' || plan.listensOn === undefined) continue;
    const containerPort = viaHostPort
      ? container.networkBindings?.find((b) => b.hostPort === port)?.containerPort
      : port;
    if (containerPort === plan.listensOn) return `${plan.response ?? 'OK'}\n`;
  }
  return undefined;
}

export function runCurl(args: string[], sim: Simulator): CommandResult {
  const url = args.find((a) => !a.startsWith('-'));
  if (!url) return { stdout: '', stderr: "curl: try 'curl --help' for more information\n", exitCode: 2 };
  const match = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?/.exec(url);
  const host = match?.[1] ?? '';
  const port = Number(match?.[2] ?? '80');
  settleLoadBalancers(sim);
  const lb = Object.values(sim.state.elb.loadBalancers).find((l) => l.DNSName === host);
  if (lb) {
    if (lb.State.Code !== 'active')
      return { stdout: '', stderr: `curl: (6) Could not resolve host: ${host}\n`, exitCode: 6 };
    const listener = Object.values(sim.state.elb.listeners).find(
      (l) => l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === port,
    );
    if (!listener)
      return {
        stdout: '',
        stderr: `curl: (7) Failed to connect to ${host} port ${port}: Connection refused\n`,
        exitCode: 7,
      };
    const groupArn = listener.DefaultActions[0]?.TargetGroupArn ?? '';
    const healthy = (sim.state.elb.targets[groupArn] ?? []).filter((t) => t.state === 'healthy');
    if (healthy.length === 0)
      return {
        stdout:
          '<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>\n<center><h1>503 Service Temporarily Unavailable</h1></center>\n</body>\n</html>\n',
        stderr: '',
        exitCode: 0,
      };
    const next = sim.state.elb.next[lb.LoadBalancerArn] ?? 0;
    sim.state.elb.next[lb.LoadBalancerArn] = next + 1;
    const target = healthy[next % healthy.length];
    const record = target ? sim.state.tasks[target.taskArn] : undefined;
    const body = record && target ? answer(record, target.port, !record.task.attachments?.length) : undefined;
    return body
      ? { stdout: body, stderr: '', exitCode: 0 }
      : {
          stdout:
            '<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n</body>\n</html>\n',
          stderr: '',
          exitCode: 0,
        };
  }
  // A task's own address: its ENI (awsvpc) or its instance with a published host port.
  for (const record of Object.values(sim.state.tasks)) {
    const eniIp = record.task.attachments?.[0]?.details?.find((d) => d.name === 'privateIPv4Address')?.value;
    const instance = record.instanceArn ? sim.state.containerInstances[record.instanceArn] : undefined;
    if (eniIp === host || (!eniIp && instance?.privateIp === host)) {
      const body = answer(record, port, !eniIp);
      if (body) return { stdout: body, stderr: '', exitCode: 0 };
    }
  }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host))
    return {
      stdout: '',
      stderr: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`,
      exitCode: 7,
    };
  return { stdout: '', stderr: `curl: (6) Could not resolve host: ${host}\n`, exitCode: 6 };
}

/**
 * The AWS JSON 1.1 protocol (awsJson1_1) in front of the simulator: what `npm run sim -- --serve`
 * and the SDK's in-process request handler use. POST / with X-Amz-Target: Prefix.Operation and a
 * JSON body; errors as {"__type","message"} with HTTP 400 (500 for server faults); timestamps as
 * epoch seconds.
 */

import { orderAndConvert } from '../cli/aws/output.ts';
import { operation, type ServiceName, TARGET_PREFIX } from '../ecs/model.ts';
import type { Simulator } from './engine.ts';
import { isAwsError } from './errors.ts';

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

let requestCounter = 0;

function reply(status: number, body: unknown): WireResponse {
  requestCounter += 1;
  return {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': `00000000-0000-4000-8000-${String(requestCounter).padStart(12, '0')}`,
    },
    body: JSON.stringify(body),
  };
}

const error = (status: number, type: string, message: string) => reply(status, { __type: type, message });

export function handleJsonRequest(sim: Simulator, target: string | undefined, body: string): WireResponse {
  const [prefix, name] = (target ?? '').split('.');
  const service = (Object.keys(TARGET_PREFIX) as ServiceName[]).find((s) => TARGET_PREFIX[s] === prefix);
  const op = service && name ? operation(service, name) : undefined;
  if (!service || !name || !op)
    return error(400, 'UnknownOperationException', `Unknown operation ${target ?? '(no X-Amz-Target header)'}`);
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return error(400, 'SerializationException', 'Start of structure or map found where not expected.');
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return error(400, 'SerializationException', 'Expected a JSON object.');
  if (!sim.supports(`${service}:${name}`))
    return error(400, 'UnknownOperationException', `${name} is not simulated by ECS Academy yet.`);
  try {
    const output = sim.call(`${service}:${name}`, input as Record<string, unknown>);
    return reply(200, orderAndConvert(service, op.output, output, false));
  } catch (e) {
    if (isAwsError(e)) return error(e.fault === 'server' ? 500 : 400, e.type, e.message);
    return error(500, 'ServerException', 'The simulator hit an internal error. This is a bug in ECS Academy.');
  }
}

/**
 * Errors the simulated services raise, named after AWS's error types. A caught AwsError is a
 * user-facing answer (the CLI prints it, the wire adapter serializes it); anything else is a bug.
 */
export class AwsError extends Error {
  /** The AWS error type, e.g. ClusterNotFoundException. */
  readonly type: string;
  /** client → HTTP 400; server → HTTP 500. */
  readonly fault: 'client' | 'server';

  constructor(type: string, message: string, fault: 'client' | 'server' = 'client') {
    super(message);
    this.name = type;
    this.type = type;
    this.fault = fault;
  }
}

export const clientException = (message: string) => new AwsError('ClientException', message);
export const invalidParameter = (message: string) => new AwsError('InvalidParameterException', message);
export const clusterNotFound = () => new AwsError('ClusterNotFoundException', 'Cluster not found.');
export const serviceNotFound = () => new AwsError('ServiceNotFoundException', 'Service not found.');
export const serviceNotActive = () => new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.');

export const isAwsError = (e: unknown): e is AwsError => e instanceof AwsError;

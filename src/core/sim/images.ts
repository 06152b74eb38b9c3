import { own } from '../own.ts';
/**
 * What the simulator knows about images: which public images exist, how big they are, what their
 * process does (serve forever, or run and exit), and which port it listens on. Private images
 * exist only once pushed to the simulated ECR.
 */
export interface ImageBehaviour {
  /** Seconds to pull, roughly from the compressed size. */
  pullSeconds: number;
  /** The process exits by itself after this many seconds (undefined = runs until stopped). */
  exitsAfter?: number;
  exitCode?: number;
  /** Port the default process listens on, if it is a server. */
  listensOn?: number;
  /** What a request to it answers (curl). */
  response?: string;
}

const SERVER = (port: number, response: string, pullSeconds = 4): ImageBehaviour => ({
  pullSeconds,
  listensOn: port,
  response,
});
const TOOL = (pullSeconds = 2): ImageBehaviour => ({ pullSeconds, exitsAfter: 0, exitCode: 0 });

/** Well-known public images by repository (without registry or tag). */
const PUBLIC: Record<string, ImageBehaviour> = {
  nginx: SERVER(80, 'Welcome to nginx!'),
  'nginx/nginx': SERVER(80, 'Welcome to nginx!'),
  httpd: SERVER(80, 'It works!'),
  'library/nginx': SERVER(80, 'Welcome to nginx!'),
  'library/httpd': SERVER(80, 'It works!'),
  'docker/library/nginx': SERVER(80, 'Welcome to nginx!'),
  'docker/library/httpd': SERVER(80, 'It works!'),
  'amazon/amazon-ecs-sample': SERVER(
    80,
    'Amazon ECS Sample App: your application is now running on a container in Amazon ECS.',
    5,
  ),
  'ecs-sample-image/amazon-ecs-sample': SERVER(
    80,
    'Amazon ECS Sample App: your application is now running on a container in Amazon ECS.',
    5,
  ),
  redis: SERVER(6379, '+PONG'),
  'docker/library/redis': SERVER(6379, '+PONG'),
  postgres: SERVER(5432, 'PostgreSQL'),
  'docker/library/postgres': SERVER(5432, 'PostgreSQL'),
  busybox: TOOL(),
  'docker/library/busybox': TOOL(),
  alpine: TOOL(),
  'docker/library/alpine': TOOL(),
  'amazonlinux/amazonlinux': TOOL(3),
  amazonlinux: TOOL(3),
  python: TOOL(6),
  'docker/library/python': TOOL(6),
  node: TOOL(6),
  'docker/library/node': TOOL(6),
  'aws-observability/aws-otel-collector': { pullSeconds: 5 },
  'aws-observability/aws-for-fluent-bit': { pullSeconds: 4 },
  'amazon/aws-for-fluent-bit': { pullSeconds: 4 },
};

export interface ImageReference {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits an image reference: [registry/]repository[:tag][@digest]. */
export function parseImage(image: string): ImageReference {
  const [withoutDigest = '', digest] = image.split('@', 2);
  const slash = withoutDigest.indexOf('/');
  const first = slash < 0 ? '' : withoutDigest.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  const registry = hasRegistry ? first : 'docker.io';
  const rest = hasRegistry ? withoutDigest.slice(slash + 1) : withoutDigest;
  const colon = rest.lastIndexOf(':');
  const repository = colon > rest.lastIndexOf('/') && colon >= 0 ? rest.slice(0, colon) : rest;
  const tag = colon > rest.lastIndexOf('/') && colon >= 0 ? rest.slice(colon + 1) : undefined;
  return { registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** The behaviour of a public image, or undefined when the simulator does not know it. */
export function publicImage(ref: ImageReference): ImageBehaviour | undefined {
  if (ref.registry !== 'docker.io' && ref.registry !== 'public.ecr.aws') return undefined;
  return own(PUBLIC, ref.repository);
}

/**
 * How a container's command changes its behaviour: `sleep N` runs N seconds; `exit N` or a
 * shell line ending in `exit N` exits with N (at once, or after the `sleep N` before it);
 * anything else keeps the image's behaviour.
 */
export function commandBehaviour(command: readonly string[], base: ImageBehaviour): ImageBehaviour {
  const line = command.join(' ');
  const exit = /\bexit\s+(\d+)\s*$/.exec(line);
  const sleep = /\bsleep\s+(\d+)/.exec(line);
  if (exit) {
    const after = sleep && sleep.index < exit.index ? Number(sleep[1]) : 0;
    return { ...base, exitsAfter: after, exitCode: Number(exit[1]) };
  }
  if (sleep) {
    const { listensOn: _, response: __, ...rest } = base;
    return { ...rest, exitsAfter: Number(sleep[1]), exitCode: 0 };
  }
  if (base.exitsAfter !== undefined && command.length > 0) return { ...base, exitsAfter: 1, exitCode: 0 };
  return base;
}

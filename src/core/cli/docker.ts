/**
 * A simulated `docker` CLI for the image steps of the course: build, images, tag, login, push.
 * There is no Docker engine: `docker build` records an image whose process is a small web server,
 * and `docker push` to the account's ECR registry stores it where ECS tasks can pull it.
 */
import { registryHost } from '../sim/ecr/repositories.ts';
import type { Simulator } from '../sim/engine.ts';
import { parseImage } from '../sim/images.ts';
import type { LocalImage } from '../sim/state.ts';
import type { CommandResult } from './result.ts';

const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr: `${stderr}\n`, exitCode });

/** Splits NAME[:TAG] into Docker's repository and tag (default "latest"). */
function nameAndTag(reference: string): { repository: string; tag: string } {
  const ref = parseImage(reference);
  const repository = ref.registry === 'docker.io' ? ref.repository : `${ref.registry}/${ref.repository}`;
  return { repository, tag: ref.tag ?? 'latest' };
}

const find = (sim: Simulator, reference: string): LocalImage | undefined => {
  const { repository, tag } = nameAndTag(reference);
  return (
    sim.state.docker.images.find((i) => i.repository === repository && i.tag === tag) ??
    sim.state.docker.images.find((i) => i.id === reference)
  );
};

function humanSize(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)}GB` : `${Math.round(bytes / 1e6)}MB`;
}

function ago(sim: Simulator, at: number): string {
  const seconds = Math.max(0, sim.seconds - at);
  if (seconds < 60) return 'Less than a minute ago';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} minutes ago`;
  return `${Math.floor(seconds / 3600)} hours ago`;
}

function build(sim: Simulator, args: string[]): CommandResult {
  const t = args.indexOf('-t') >= 0 ? args.indexOf('-t') : args.indexOf('--tag');
  const name = t >= 0 ? args[t + 1] : undefined;
  const context = args.filter((a, i) => !a.startsWith('-') && (t < 0 || i !== t + 1)).at(-1);
  if (!context)
    return fail(
      'ERROR: "docker buildx build" requires exactly 1 argument.\nSee \'docker buildx build --help\'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build',
    );
  const id = sim.rng.hex(12);
  const image: LocalImage = {
    repository: name ? nameAndTag(name).repository : '<none>',
    tag: name ? nameAndTag(name).tag : '<none>',
    id,
    digest: `sha256:${sim.rng.hex(64)}`,
    sizeBytes: 48_000_000 + sim.rng.int(90_000_000),
    createdAt: sim.seconds,
    behaviour: {
      pullSeconds: 5,
      listensOn: 80,
      response: `Hello from ${name ? nameAndTag(name).repository : 'your app'}!`,
    },
  };
  sim.state.docker.images = sim.state.docker.images.filter(
    (i) => !(i.repository === image.repository && i.tag === image.tag),
  );
  sim.state.docker.images.push(image);
  sim.advance(12);
  const naming = name
    ? `\n => => naming to docker.io/${name.includes('/') ? name : `library/${name}`}${name.includes(':') ? '' : ':latest'}`
    : '';
  return ok(
    `[+] Building 12.0s (8/8) FINISHED\n => [internal] load build definition from Dockerfile\n => [internal] load .dockerignore\n => [1/3] FROM docker.io/library/node:22-alpine\n => [2/3] COPY . /app\n => [3/3] RUN npm ci --omit=dev\n => exporting to image\n => => writing image sha256:${id}${sim.rng.hex(52)}${naming}\n\n(simulated: there is no Docker engine in the browser; the image is a small web server listening on port 80)\n`,
  );
}

function images(sim: Simulator): CommandResult {
  const rows = [
    ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
    ...sim.state.docker.images.map((i) => [i.repository, i.tag, i.id, ago(sim, i.createdAt), humanSize(i.sizeBytes)]),
  ];
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return ok(
    `${rows
      .map((r) =>
        r
          .map((cell, c) => cell.padEnd((widths[c] ?? 0) + 3))
          .join('')
          .trimEnd(),
      )
      .join('\n')}\n`,
  );
}

function tag(sim: Simulator, args: string[]): CommandResult {
  const [source, target] = args;
  if (!source || !target)
    return fail(
      '"docker tag" requires exactly 2 arguments.\nSee \'docker tag --help\'.\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nCreate a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
    );
  const image = find(sim, source);
  if (!image) return fail(`Error response from daemon: No such image: ${source}`);
  const { repository, tag: newTag } = nameAndTag(target);
  sim.state.docker.images = sim.state.docker.images.filter((i) => !(i.repository === repository && i.tag === newTag));
  sim.state.docker.images.push({ ...image, repository, tag: newTag });
  return ok();
}

function login(sim: Simulator, args: string[], stdin: string | undefined): CommandResult {
  const host =
    args
      .filter((a, i) => !a.startsWith('-') && !['-u', '--username', '-p', '--password'].includes(args[i - 1] ?? ''))
      .at(-1) ?? 'docker.io';
  const userIndex = Math.max(args.indexOf('-u'), args.indexOf('--username'));
  const user = userIndex >= 0 ? args[userIndex + 1] : undefined;
  const password = args.includes('--password-stdin')
    ? (stdin ?? '').trim()
    : args[Math.max(args.indexOf('-p'), args.indexOf('--password')) + 1];
  const registry = host.replace(/^https?:\/\//, '').replace(/\/$/, '');
  if (registry !== registryHost(sim))
    return fail(
      `Error response from daemon: Get "https://${registry}/v2/": dial tcp: lookup ${registry}: no such host (simulated: only your account's ECR registry, ${registryHost(sim)}, exists here)`,
    );
  if (user !== 'AWS' || !password || password !== sim.state.ecr.password) {
    return fail(
      `Error response from daemon: login attempted with username "${user ?? ''}" and password from ${args.includes('--password-stdin') ? 'stdin' : 'the command line'}: 400 Bad Request`,
    );
  }
  if (!sim.state.docker.loggedIn.includes(registry)) sim.state.docker.loggedIn.push(registry);
  return ok('Login Succeeded\n');
}

function push(sim: Simulator, args: string[]): CommandResult {
  const reference = args.find((a) => !a.startsWith('-'));
  if (!reference)
    return fail(
      '"docker push" requires exactly 1 argument.\nSee \'docker push --help\'.\n\nUsage:  docker push [OPTIONS] NAME[:TAG]\n\nUpload an image to a registry',
    );
  const image = find(sim, reference);
  const { repository: full, tag: pushTag } = nameAndTag(reference);
  if (!image) return fail(`An image does not exist locally with the tag: ${full}`);
  const host = registryHost(sim);
  if (!full.startsWith(`${host}/`)) {
    return fail(
      `The push refers to repository [docker.io/${full.includes('/') ? full : `library/${full}`}]\ndenied: requested access to the resource is denied (simulated: push to your ECR registry, ${host}/REPOSITORY)`,
    );
  }
  if (!sim.state.docker.loggedIn.includes(host))
    return fail(`The push refers to repository [${full}]\nno basic auth credentials`);
  const name = full.slice(host.length + 1);
  const repository = sim.state.ecr.repositories[name];
  if (!repository) {
    return fail(
      `The push refers to repository [${full}]\nname unknown: The repository with name '${name}' does not exist in the registry with id '${sim.state.account}'`,
    );
  }
  const stored = sim.state.ecr.images[name] ?? [];
  const existing = stored.find((i) => (i.detail.imageTags ?? []).includes(pushTag));
  if (
    existing &&
    repository.imageTagMutability?.startsWith('IMMUTABLE') &&
    existing.detail.imageDigest !== image.digest
  ) {
    return fail(
      `The push refers to repository [${full}]\ntag invalid: The image tag '${pushTag}' already exists in the '${name}' repository and cannot be overwritten because the repository is immutable.`,
    );
  }
  if (existing) existing.detail.imageTags = (existing.detail.imageTags ?? []).filter((t) => t !== pushTag);
  const same = stored.find((i) => i.detail.imageDigest === image.digest);
  if (same) same.detail.imageTags = [...new Set([...(same.detail.imageTags ?? []), pushTag])];
  else {
    stored.push({
      detail: {
        registryId: sim.state.account,
        repositoryName: name,
        imageDigest: image.digest,
        imageTags: [pushTag],
        imageSizeInBytes: Math.round(image.sizeBytes * 0.4),
        imagePushedAt: sim.seconds,
        imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        artifactMediaType: 'application/vnd.docker.container.image.v1+json',
      },
      behaviour: image.behaviour,
    });
  }
  sim.state.ecr.images[name] = stored.filter(
    (i) => (i.detail.imageTags ?? []).length > 0 || i.detail.imageDigest === image.digest,
  );
  sim.advance(6);
  sim.note(`Image ${name}:${pushTag} pushed to ECR.`);
  const layers = [sim.rng.hex(12), sim.rng.hex(12), sim.rng.hex(12)];
  return ok(
    `The push refers to repository [${full}]\n${layers.map((l) => `${l}: Pushed`).join('\n')}\n${pushTag}: digest: ${image.digest} size: 1573\n`,
  );
}

export function runDocker(args: string[], sim: Simulator, stdin: string | undefined): CommandResult {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'build':
      return build(sim, rest);
    case 'images':
      return images(sim);
    case 'tag':
      return tag(sim, rest);
    case 'login':
      return login(sim, rest, stdin);
    case 'push':
      return push(sim, rest);
    case undefined:
    case 'help':
    case '--help':
      return ok(
        'Usage:  docker COMMAND\n\nSimulated commands: build, images, tag, login, push.\nContainers are run by ECS here, not by docker run.\n',
      );
    default:
      return fail(
        `docker: '${sub}' is not simulated in ECS Academy. Simulated: build, images, tag, login, push (ECS runs the containers).`,
      );
  }
}

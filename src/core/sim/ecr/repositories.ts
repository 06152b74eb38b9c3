/**
 * Amazon ECR, as far as the course's labs need it: CreateRepository, DescribeRepositories,
 * DeleteRepository, GetAuthorizationToken, DescribeImages, ListImages, BatchDeleteImage.
 * Each account has one private registry per Region; you create repositories in it.
 */

import { encodeBase64 } from '../../cli/base64.ts';
import type { ImageDetail, Repository } from '../../ecs/generated/ecr-types.ts';
import { copy, type Input, list, obj, str, strings } from '../ecs/common.ts';
import type { Simulator } from '../engine.ts';
import { AwsError } from '../errors.ts';

const NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export const registryHost = (sim: Simulator) => `${sim.state.account}.dkr.ecr.${sim.state.region}.amazonaws.com`;

const notFound = (sim: Simulator, name: string) =>
  new AwsError(
    'RepositoryNotFoundException',
    `The repository with name '${name}' does not exist in the registry with id '${sim.state.account}'`,
  );

export function findRepository(sim: Simulator, name: string): Repository {
  const repository = sim.state.ecr.repositories[name];
  if (!repository) throw notFound(sim, name);
  return repository;
}

export function createRepository(sim: Simulator, input: Input) {
  const name = str(input, 'repositoryName') ?? '';
  if (name.length < 2 || name.length > 256 || !NAME.test(name)) {
    throw new AwsError(
      'InvalidParameterException',
      `Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''`,
    );
  }
  if (sim.state.ecr.repositories[name]) {
    throw new AwsError(
      'RepositoryAlreadyExistsException',
      `The repository with name '${name}' already exists in the registry with id '${sim.state.account}'`,
    );
  }
  const scanning = obj(input.imageScanningConfiguration);
  const repository: Repository = {
    repositoryArn: sim.arn('ecr', `repository/${name}`),
    registryId: sim.state.account,
    repositoryName: name,
    repositoryUri: `${registryHost(sim)}/${name}`,
    createdAt: sim.seconds,
    imageTagMutability: (str(input, 'imageTagMutability') ?? 'MUTABLE') as Repository['imageTagMutability'] & string,
    imageScanningConfiguration: { scanOnPush: scanning?.scanOnPush === true },
    encryptionConfiguration: { encryptionType: 'AES256' },
  };
  sim.state.ecr.repositories[name] = repository;
  sim.state.ecr.images[name] = [];
  sim.state.tags[repository.repositoryArn as string] = copy(list(input, 'tags')) as { key: string; value?: string }[];
  sim.note(`ECR repository ${name} created.`);
  return { repository: copy(repository) };
}

export function describeRepositories(sim: Simulator, input: Input) {
  const names = strings(input, 'repositoryNames');
  const repositories =
    names.length > 0 ? names.map((n) => findRepository(sim, n)) : Object.values(sim.state.ecr.repositories);
  return { repositories: copy(repositories) };
}

export function deleteRepository(sim: Simulator, input: Input) {
  const name = str(input, 'repositoryName') ?? '';
  const repository = findRepository(sim, name);
  if ((sim.state.ecr.images[name] ?? []).length > 0 && input.force !== true) {
    throw new AwsError(
      'RepositoryNotEmptyException',
      `The repository with name '${name}' in registry with id '${sim.state.account}' cannot be deleted because it still contains images`,
    );
  }
  delete sim.state.ecr.repositories[name];
  delete sim.state.ecr.images[name];
  sim.note(`ECR repository ${name} deleted.`);
  return { repository: copy(repository) };
}

export function getAuthorizationToken(sim: Simulator) {
  if (sim.state.ecr.password === '') sim.state.ecr.password = `eyJwYXlsb2FkIjoi${sim.rng.hex(48)}`;
  return {
    authorizationData: [
      {
        authorizationToken: encodeBase64(`AWS:${sim.state.ecr.password}`),
        expiresAt: sim.seconds + 12 * 3600,
        proxyEndpoint: `https://${registryHost(sim)}`,
      },
    ],
  };
}

function matches(detail: ImageDetail, id: Input | undefined): boolean {
  if (!id) return false;
  const tag = str(id, 'imageTag');
  const digest = str(id, 'imageDigest');
  return (
    (tag !== undefined && (detail.imageTags ?? []).includes(tag)) ||
    (digest !== undefined && detail.imageDigest === digest)
  );
}

export function describeImages(sim: Simulator, input: Input) {
  const name = str(input, 'repositoryName') ?? '';
  findRepository(sim, name);
  const images = sim.state.ecr.images[name] ?? [];
  const ids = list(input, 'imageIds').map(obj);
  if (ids.length === 0) return { imageDetails: copy(images.map((i) => i.detail)) };
  const imageDetails: ImageDetail[] = [];
  for (const id of ids) {
    const found = images.find((i) => matches(i.detail, id));
    if (!found) {
      const what = str(id ?? {}, 'imageTag')
        ? `imageTag=${str(id ?? {}, 'imageTag')}`
        : `imageDigest=${str(id ?? {}, 'imageDigest')}`;
      throw new AwsError(
        'ImageNotFoundException',
        `The image with imageId {${what}} does not exist within the repository with name '${name}' in the registry with id '${sim.state.account}'`,
      );
    }
    imageDetails.push(copy(found.detail));
  }
  return { imageDetails };
}

export function listImages(sim: Simulator, input: Input) {
  const name = str(input, 'repositoryName') ?? '';
  findRepository(sim, name);
  const imageIds = (sim.state.ecr.images[name] ?? []).flatMap((i) =>
    (i.detail.imageTags ?? []).length > 0
      ? (i.detail.imageTags ?? []).map((tag) => ({ imageDigest: i.detail.imageDigest as string, imageTag: tag }))
      : [{ imageDigest: i.detail.imageDigest as string }],
  );
  return { imageIds };
}

export function batchDeleteImage(sim: Simulator, input: Input) {
  const name = str(input, 'repositoryName') ?? '';
  findRepository(sim, name);
  const images = sim.state.ecr.images[name] ?? [];
  const imageIds: { imageDigest?: string; imageTag?: string }[] = [];
  const failures: { imageId: Input; failureCode: string; failureReason: string }[] = [];
  for (const id of list(input, 'imageIds').map(obj)) {
    const found = images.find((i) => matches(i.detail, id));
    if (!found) {
      failures.push({ imageId: id ?? {}, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' });
      continue;
    }
    const tag = str(id ?? {}, 'imageTag');
    if (tag !== undefined) found.detail.imageTags = (found.detail.imageTags ?? []).filter((t) => t !== tag);
    if (tag === undefined || (found.detail.imageTags ?? []).length === 0) images.splice(images.indexOf(found), 1);
    imageIds.push({ imageDigest: found.detail.imageDigest as string, ...(tag ? { imageTag: tag } : {}) });
  }
  return { imageIds, failures };
}

/** What an image pushed to ECR does when a task runs it (for the task lifecycle). */
export function ecrImageBehaviour(sim: Simulator, repository: string, tag: string, digest?: string) {
  const images = sim.state.ecr.images[repository] ?? [];
  return images.find((i) => (digest ? i.detail.imageDigest === digest : (i.detail.imageTags ?? []).includes(tag)))
    ?.behaviour;
}

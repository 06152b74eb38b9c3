import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../../scripts/model/generate.ts';
import model from '../../../../src/core/ecs/generated/ecs-model.json' with { type: 'json' };

describe('the generated ECS model', () => {
  it('is exactly what `npm run gen:model` produces from the pinned SDK', () => {
    const files = generate();
    expect(files.size).toBeGreaterThanOrEqual(7);
    const digest = (text: string) => createHash('sha256').update(text).digest('hex');
    for (const [path, content] of files) {
      expect(digest(readFileSync(path, 'utf8')), `${path} is stale: run npm run gen:model`).toBe(digest(content));
    }
  });

  it('comes from the pinned @aws-sdk/client-ecs devDependency', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies['@aws-sdk/client-ecs']).toBe(model.source.version);
  });

  it('carries RegisterTaskDefinition with its required members and enums', () => {
    const request = model.shapes.RegisterTaskDefinitionRequest;
    expect(request.required).toEqual(['family', 'containerDefinitions']);
    expect(request.members.networkMode).toEqual({ type: 'string', enum: 'NetworkMode' });
    expect(request.members.requiresCompatibilities).toEqual({
      type: 'list',
      member: { type: 'string', enum: 'Compatibility' },
    });
    expect(model.enums.NetworkMode).toEqual(['awsvpc', 'bridge', 'host', 'none']);
    expect(model.shapes.Ulimit.required).toEqual(['name', 'softLimit', 'hardLimit']);
    expect(model.operations.RunTask).toEqual({ input: 'RunTaskRequest', output: 'RunTaskResponse' });
    expect(model.shapes.ClusterNotFoundException).toMatchObject({ type: 'error', fault: 'client' });
  });
});

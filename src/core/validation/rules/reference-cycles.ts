import { asArray, asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/** dependsOn, links and volumesFrom together must not form a cycle: no container could start. */
export const referenceCycles: Rule = {
  id: 'reference-cycle',
  summary: 'Containers do not wait for each other in a circle (dependsOn, links, volumesFrom).',
  learnMore: { lesson: { id: 'task-definitions', section: 'container-definitions' }, docs: DOCS.dependency },
  check({ containers }) {
    const edges = new Map<string, { to: string; pointer: string }[]>();
    for (const c of containers) {
      if (!c.name) continue;
      const out: { to: string; pointer: string }[] = [];
      asArray(c.def.dependsOn).forEach((d, i) => {
        const to = asString(asObject(d)?.containerName);
        if (to) out.push({ to, pointer: `${c.pointer}/dependsOn/${i}/containerName` });
      });
      asArray(c.def.links).forEach((l, i) => {
        const to = asString(l)?.split(':')[0];
        if (to) out.push({ to, pointer: `${c.pointer}/links/${i}` });
      });
      asArray(c.def.volumesFrom).forEach((v, i) => {
        const to = asString(asObject(v)?.sourceContainer);
        if (to) out.push({ to, pointer: `${c.pointer}/volumesFrom/${i}/sourceContainer` });
      });
      edges.set(
        c.name,
        out.filter((e) => e.to !== c.name),
      );
    }
    // Depth-first search with colours; the first back edge closes a cycle.
    const state = new Map<string, 'active' | 'done'>();
    const stack: string[] = [];
    let cycle: { names: string[]; pointer: string } | undefined;
    const visit = (name: string): void => {
      state.set(name, 'active');
      stack.push(name);
      for (const edge of edges.get(name) ?? []) {
        if (cycle) return;
        if (state.get(edge.to) === 'active') {
          cycle = { names: [...stack.slice(stack.indexOf(edge.to)), edge.to], pointer: edge.pointer };
          return;
        }
        if (!state.has(edge.to) && edges.has(edge.to)) visit(edge.to);
      }
      stack.pop();
      state.set(name, 'done');
    };
    for (const name of edges.keys()) if (!state.has(name) && !cycle) visit(name);
    if (!cycle) return [];
    return [
      finding(this, {
        awsMessage: `Circular container dependency: ${cycle.names.join(' → ')}.`,
        explanation:
          'Each of these containers waits for the next one (through dependsOn, links or volumesFrom), so none of them can ever start. Remove one of the references.',
        pointer: cycle.pointer,
      }),
    ];
  },
};

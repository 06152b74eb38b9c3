/**
 * Draws the cluster view model into the DOM: text nodes only, never HTML strings. Every item that
 * has a describe command is a button; the host shows that command's output when it is pressed.
 */
import type { ClusterCard, ClusterView, InstanceCard, TaskChip } from '../../core/view/cluster-view.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A button that asks the host to show `command`'s output. */
function describeButton(label: string, command: string, className: string, description: string): HTMLButtonElement {
  const button = el('button', className, label);
  button.type = 'button';
  button.dataset.describe = command;
  button.setAttribute('aria-label', description);
  return button;
}

function taskChip(task: TaskChip, cluster: string, fresh: boolean): HTMLElement {
  const short = task.id.slice(0, 8);
  const button = describeButton(
    '',
    `aws ecs describe-tasks --cluster ${cluster} --tasks ${task.id}`,
    `chip${fresh ? ' fresh' : ''}`,
    `Task ${short}, ${task.definition}, ${task.status}${task.health !== 'UNKNOWN' ? `, ${task.health}` : ''}, ${task.launchType}, ${task.networkMode} network mode${task.address ? `, ${task.address}` : ''}. Show describe-tasks.`,
  );
  button.dataset.status = task.status;
  button.append(
    el('span', 'chip-status', task.status),
    el('span', 'chip-id', short),
    el('span', 'chip-meta', `${task.definition} · ${task.networkMode}${task.address ? ` · ${task.address}` : ''}`),
  );
  if (task.health === 'UNHEALTHY' || task.health === 'HEALTHY') button.dataset.health = task.health;
  return button;
}

let meters = 0;

function meter(label: string, used: number, total: number, unit: string): HTMLElement {
  const row = el('div', 'meter-row');
  meters += 1;
  const id = `cluster-meter-${meters}`;
  const name = el('span', 'meter-label', label);
  name.id = id;
  const bar = el('meter');
  bar.min = 0;
  bar.max = Math.max(1, total);
  bar.value = used;
  bar.high = total * 0.85;
  bar.setAttribute('aria-labelledby', id);
  row.append(name, bar, el('span', 'meter-value', `${used} / ${total} ${unit}`));
  return row;
}

function instanceCard(instance: InstanceCard, cluster: string, fresh: Set<string>): HTMLElement {
  const card = el('li', 'instance');
  card.dataset.status = instance.status;
  const head = el('div', 'card-head');
  head.append(
    describeButton(
      instance.id,
      `aws ecs describe-container-instances --cluster ${cluster} --container-instances ${instance.arn.split('/').at(-1)}`,
      'card-title',
      `Container instance ${instance.id}, ${instance.instanceType} in ${instance.zone}, ${instance.status}. Show describe-container-instances.`,
    ),
    el(
      'span',
      'muted',
      `${instance.instanceType} · ${instance.zone}${instance.status !== 'ACTIVE' ? ` · ${instance.status}` : ''}`,
    ),
  );
  card.append(
    head,
    meter('CPU', instance.cpu.used, instance.cpu.total, 'units'),
    meter('Memory', instance.memory.used, instance.memory.total, 'MiB'),
  );
  if (instance.taskPorts.length > 0)
    card.append(el('p', 'ports', `Host ports in use: ${instance.taskPorts.join(', ')}`));
  card.append(chipList(instance.tasks, cluster, fresh, 'No tasks on this instance.'));
  return card;
}

function chipList(tasks: TaskChip[], cluster: string, fresh: Set<string>, empty: string): HTMLElement {
  if (tasks.length === 0) return el('p', 'muted empty', empty);
  const list = el('ul', 'chips');
  for (const task of tasks) {
    const item = el('li');
    item.append(taskChip(task, cluster, fresh.has(task.arn)));
    list.append(item);
  }
  return list;
}

function clusterCard(cluster: ClusterCard, fresh: Set<string>): HTMLElement {
  const card = el('article', 'cluster');
  const head = el('div', 'card-head');
  const title = el('h3', 'cluster-title');
  title.append(
    describeButton(
      `Cluster ${cluster.name}`,
      `aws ecs describe-clusters --clusters ${cluster.name}`,
      'card-title',
      `Cluster ${cluster.name}: ${cluster.running} tasks running, ${cluster.pending} starting. Show describe-clusters.`,
    ),
  );
  head.append(title, el('span', 'muted', `${cluster.running} running · ${cluster.pending} starting`));
  card.append(head);

  if (cluster.services.length > 0) {
    const list = el('ul', 'services');
    for (const s of cluster.services) {
      const item = el('li', 'service');
      item.append(
        describeButton(
          s.name,
          `aws ecs describe-services --cluster ${cluster.name} --services ${s.name}`,
          'card-title',
          `Service ${s.name}: ${s.desired} desired, ${s.running} running, ${s.pending} pending. Show describe-services.`,
        ),
        el('span', 'counts', `desired ${s.desired} · running ${s.running} · pending ${s.pending}`),
      );
      if (s.deployments.length > 1 || s.deployments.some((d) => d.rollout === 'IN_PROGRESS')) {
        const deployments = el('ul', 'deployments');
        for (const d of s.deployments) {
          const row = el('li', '', `${d.status} ${d.definition}: ${d.running}/${d.desired} running`);
          if (d.rollout) row.append(el('span', 'rollout', ` ${d.rollout}`));
          row.dataset.status = d.rollout || d.status;
          deployments.append(row);
        }
        item.append(deployments);
      }
      list.append(item);
    }
    card.append(el('h4', 'group-title', 'Services'), list);
  }

  if (cluster.instances.length > 0) {
    const list = el('ul', 'instances');
    for (const i of cluster.instances) list.append(instanceCard(i, cluster.name, fresh));
    card.append(el('h4', 'group-title', `EC2 container instances (${cluster.instances.length})`), list);
  }
  if (cluster.fargateTasks.length > 0 || cluster.instances.length === 0) {
    card.append(
      el('h4', 'group-title', 'Fargate'),
      chipList(cluster.fargateTasks, cluster.name, fresh, 'No Fargate tasks. Tasks appear here when they start.'),
    );
  }
  return card;
}

/** Replaces `root`'s content with the picture of `view`; `fresh` marks tasks new since last time. */
export function drawClusterView(root: HTMLElement, view: ClusterView, fresh: Set<string>): void {
  const parts: HTMLElement[] = [];
  if (view.clusters.length === 0) {
    const empty = el('p', 'muted empty', 'No clusters yet. Create one: ');
    empty.append(el('code', '', 'aws ecs create-cluster --cluster-name academy'));
    parts.push(empty);
  }
  for (const cluster of view.clusters) parts.push(clusterCard(cluster, fresh));

  if (view.loadBalancers.length > 0) {
    const section = el('section', 'side-group');
    section.append(el('h3', 'group-title', 'Load balancers'));
    for (const lb of view.loadBalancers) {
      const card = el('div', 'lb');
      card.append(el('p', 'card-title-text', `${lb.name} (${lb.state})`), el('p', 'muted small', lb.dns));
      for (const tg of lb.targetGroups) {
        const list = el('ul', 'targets');
        for (const t of tg.targets) {
          const item = el('li', 'target', `${t.id}:${t.port} ${t.health}`);
          item.dataset.status = t.health;
          list.append(item);
        }
        card.append(el('p', 'small', `Target group ${tg.name}${tg.targets.length === 0 ? ': no targets' : ''}`), list);
      }
      section.append(card);
    }
    parts.push(section);
  }

  if (view.repositories.length > 0) {
    const section = el('section', 'side-group');
    section.append(el('h3', 'group-title', 'ECR repositories'));
    const list = el('ul', 'repos');
    for (const repo of view.repositories) {
      const item = el('li');
      item.append(
        describeButton(
          repo.name,
          `aws ecr describe-images --repository-name ${repo.name}`,
          'card-title',
          `Repository ${repo.name} with ${repo.images.length} images. Show describe-images.`,
        ),
        el(
          'span',
          'muted small',
          repo.images.length === 0
            ? ' no images yet'
            : ` ${repo.images.map((i) => (i.tags.length > 0 ? i.tags.join(', ') : i.digest)).join(' · ')}`,
        ),
      );
      list.append(item);
    }
    section.append(list);
    parts.push(section);
  }
  root.replaceChildren(...parts);
}

/** <cluster-terminal>: the terminal island, loaded near the viewport or on "Start the terminal". */
import { defineLazyWidget } from './lazy-widget.ts';

defineLazyWidget(
  'cluster-terminal',
  (element) => import('../islands/terminal/mount.ts').then(({ mountClusterTerminal }) => mountClusterTerminal(element)),
  (element, start) => element.querySelector('[data-action="start"]')?.addEventListener('click', start, { once: true }),
);

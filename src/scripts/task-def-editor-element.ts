/** <task-def-editor>: the editor island, loaded near the viewport or when the learner uses it. */
import { defineLazyWidget } from './lazy-widget.ts';

defineLazyWidget(
  'task-def-editor',
  (element) => import('../islands/editor/mount.ts').then(({ mountTaskDefEditor }) => mountTaskDefEditor(element)),
  (element, start) => {
    element.addEventListener('focusin', start, { once: true });
    // A press on "Register in cluster" before the editor has loaded is kept and done once it has.
    element.querySelector('[data-action="register"]')?.addEventListener('click', () => {
      if (element.dataset.ready === 'true') return;
      element.dataset.pendingRegister = 'true';
      start();
    });
  },
);

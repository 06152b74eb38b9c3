/**
 * <task-def-editor>: loads the editor island when the element comes near the viewport or the
 * learner starts using the text area, so pages pay for Monaco only when it is used.
 */
class TaskDefEditorElement extends HTMLElement {
  private started = false;
  private observer: IntersectionObserver | undefined;

  connectedCallback() {
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this.start();
      },
      { rootMargin: '200px' },
    );
    this.observer.observe(this);
    this.addEventListener('focusin', () => this.start(), { once: true });
    // A press on "Register in cluster" before the editor has loaded is kept and done once it has.
    this.querySelector('[data-action="register"]')?.addEventListener('click', () => {
      if (this.started && this.dataset.ready === 'true') return;
      this.dataset.pendingRegister = 'true';
      this.start();
    });
  }

  disconnectedCallback() {
    this.observer?.disconnect();
  }

  private start() {
    if (this.started) return;
    this.started = true;
    this.observer?.disconnect();
    void import('../islands/editor/mount.ts').then(({ mountTaskDefEditor }) => mountTaskDefEditor(this));
  }
}

if (!customElements.get('task-def-editor')) customElements.define('task-def-editor', TaskDefEditorElement);

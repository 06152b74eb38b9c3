/**
 * Defines a custom element that loads its island only when it comes near the viewport (or when
 * `wire` calls `start`, e.g. on focus or a button press), so pages pay for Monaco or xterm only
 * when a learner reaches them.
 */
export function defineLazyWidget(
  tag: string,
  load: (element: HTMLElement) => Promise<unknown>,
  wire: (element: HTMLElement, start: () => void) => void = () => undefined,
): void {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
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
        wire(this, () => this.start());
      }

      disconnectedCallback() {
        this.observer?.disconnect();
      }

      private start() {
        if (this.started) return;
        this.started = true;
        this.observer?.disconnect();
        void load(this);
      }
    },
  );
}

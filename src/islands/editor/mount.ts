/**
 * Mounts the task definition editor on a server-rendered <task-def-editor>: chooses the surface
 * (Monaco, or the text area on touch screens), validates as the learner types, and renders the
 * problems list, the summary and the toolbar actions. All checking is done by the core.
 */

import type { HoverTerm } from '../../core/validation/editor-schema.ts';
import { applyFix, type Diagnostic, validateTaskDefinition } from '../../core/validation/index.ts';
import { summarize } from '../../core/validation/summary.ts';
import { publishFile, REQUEST_FILES, requestCommand } from '../workspace-events.ts';
import { type EditorExample, loadSaved, saveText, storageKey } from './persistence.ts';
import type { TextSurface } from './surface.ts';
import { textareaSurface } from './textarea-surface.ts';

const DEBOUNCE_MS = 250;

function parseJson<T>(text: string | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export async function mountTaskDefEditor(root: HTMLElement): Promise<void> {
  const area = root.querySelector<HTMLTextAreaElement>('[data-fallback]');
  const host = root.querySelector<HTMLElement>('[data-monaco-host]');
  const problems = root.querySelector<HTMLUListElement>('[data-problems]');
  const summary = root.querySelector<HTMLUListElement>('[data-summary]');
  const status = root.querySelector<HTMLElement>('[data-status]');
  const select = root.querySelector<HTMLSelectElement>('[data-example-select]');
  const exampleSummary = root.querySelector<HTMLElement>('[data-example-summary]');
  if (!area || !host || !problems || !summary || !status || !select) return;

  const examples = parseJson<EditorExample[]>(root.dataset.examples, []);
  const lessons = parseJson<Record<string, string>>(root.dataset.lessons, {});
  const glossary = parseJson<Record<string, HoverTerm>>(root.dataset.glossary, {});
  const key = storageKey(window.location.pathname, root.dataset.editorId ?? 'taskdef');
  const terminalFile = root.dataset.terminalFile;
  let exampleId = root.dataset.example ?? examples[0]?.id ?? '';
  const saved = loadSaved(key);
  if (saved) {
    area.value = saved.text;
    if (examples.some((e) => e.id === saved.example)) exampleId = saved.example;
    select.value = exampleId;
  }

  const learnMore = (d: Diagnostic): string | undefined => {
    const lesson = d.learnMore?.lesson;
    const path = lesson ? lessons[lesson.id] : undefined;
    if (path) return new URL(`${path}#${lesson?.section}`, window.location.origin).href;
    return d.learnMore?.docs;
  };

  let surface: TextSurface = textareaSurface(area);
  // Monaco does not support touch screens; there the text area stays, with the same checks.
  if (!window.matchMedia('(pointer: coarse)').matches) {
    const loaded = await import('./monaco-environment.ts');
    const { monacoSurface } = await import('./monaco-surface.ts');
    const text = area.value;
    surface.dispose();
    surface = monacoSurface(loaded, host, text, key.replace(/[^a-z0-9-]/gi, '-'), glossary);
    area.hidden = true;
    area.labels?.forEach((label) => {
      label.hidden = true;
    });
    host.hidden = false;
    root.querySelector<HTMLElement>('[data-keyboard-hint]')?.removeAttribute('hidden');
  }
  root.dataset.ready = 'true';

  const renderProblems = (diagnostics: readonly Diagnostic[]) => {
    problems.replaceChildren(
      ...diagnostics.map((d) => {
        const li = el('li', d.severity);
        const jump = el('button', 'problem-jump');
        jump.type = 'button';
        jump.append(
          el('span', 'problem-where', `${d.line}:${d.column}`),
          el('span', 'problem-severity', d.severity),
          el('span', 'problem-message', d.awsMessage),
        );
        jump.addEventListener('click', () => surface.reveal(d.offset, d.length));
        li.append(jump, el('span', 'problem-explanation', d.explanation));
        const actions = el('div', 'problem-actions');
        for (const fix of d.fixes ?? []) {
          const button = el('button', '', `Fix: ${fix.title}`);
          button.type = 'button';
          button.addEventListener('click', () => {
            surface.setText(applyFix(surface.getText(), fix));
            validateNow();
          });
          actions.append(button);
        }
        // The course section first (when the lesson exists), then AWS's own page.
        const lesson = d.learnMore?.lesson;
        const lessonPath = lesson ? lessons[lesson.id] : undefined;
        if (lesson && lessonPath) {
          const link = el('a', '', 'Learn why in the course');
          link.href = `${lessonPath}#${lesson.section}`;
          actions.append(link);
        }
        if (d.learnMore?.docs) {
          const link = el('a', '', 'AWS documentation');
          link.href = d.learnMore.docs;
          link.rel = 'external';
          actions.append(link);
        }
        if (actions.childElementCount > 0) li.append(actions);
        return li;
      }),
    );
  };

  const validateNow = () => {
    const text = surface.getText();
    const result = validateTaskDefinition(text);
    surface.showDiagnostics(result.diagnostics, learnMore);
    renderProblems(result.diagnostics);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    status.textContent =
      errors + warnings === 0
        ? 'No problems: AWS would accept this task definition.'
        : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${errors === 0 ? ': AWS would accept it, but look at the warnings.' : ': AWS would reject this task definition.'}`;
    summary.replaceChildren(...summarize(parseJson<unknown>(text, undefined)).map((line) => el('li', '', line)));
    saveText(key, exampleId, text);
    if (terminalFile) publishFile({ name: terminalFile, text });
  };

  let timer: number | undefined;
  surface.onChange(() => {
    window.clearTimeout(timer);
    timer = window.setTimeout(validateNow, DEBOUNCE_MS);
  });

  const loadExample = (id: string) => {
    const example = examples.find((e) => e.id === id);
    if (!example) return;
    exampleId = id;
    if (exampleSummary) exampleSummary.textContent = example.summary;
    surface.setText(example.text);
    validateNow();
  };
  select.addEventListener('change', () => loadExample(select.value));

  root.querySelector('[data-action="format"]')?.addEventListener('click', () => surface.format());
  root.querySelector('[data-action="reset"]')?.addEventListener('click', () => loadExample(exampleId));
  root.querySelector('[data-action="copy"]')?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(surface.getText());
      status.textContent = 'Copied to the clipboard.';
    } catch {
      status.textContent = 'Copying is not allowed here: select the text and press Ctrl+C.';
    }
  });
  root.querySelector('[data-action="download"]')?.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([surface.getText()], { type: 'application/json' }));
    const link = el('a', '');
    link.href = url;
    link.download = `${exampleId || 'task-definition'}.json`;
    link.click();
    URL.revokeObjectURL(url);
  });

  if (terminalFile) {
    document.addEventListener(REQUEST_FILES, () => publishFile({ name: terminalFile, text: surface.getText() }));
    root.querySelector('[data-action="register"]')?.addEventListener('click', () => {
      publishFile({ name: terminalFile, text: surface.getText() });
      requestCommand({ line: `aws ecs register-task-definition --cli-input-json file://${terminalFile}` });
    });
  }

  validateNow();
  if (root.dataset.pendingRegister === 'true') {
    delete root.dataset.pendingRegister;
    root.querySelector<HTMLButtonElement>('[data-action="register"]')?.click();
  }
}

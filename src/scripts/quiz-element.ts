/**
 * <ecs-quiz>: grades the server-rendered questions inside it, reveals their explanations, and
 * saves the learner's score once every question has been checked. Text only, never HTML.
 */
import { gradeChoice, gradeMatch, gradeOrder, gradeSpot } from '../course/quiz.ts';
import { saveQuizScore } from './progress-store.ts';

const all = <T extends Element>(root: ParentNode, selector: string) => [...root.querySelectorAll<T>(selector)];

function reveal(explain: Element | null, right: boolean, mark?: string) {
  if (!(explain instanceof HTMLElement)) return;
  explain.hidden = false;
  explain.classList.toggle('right', right);
  explain.classList.toggle('wrong', !right);
  const markEl = explain.querySelector('.mark');
  if (markEl && mark !== undefined) markEl.textContent = mark;
}

/** Grades one question from the form's state and reveals what explains it. */
function gradeQuestion(form: HTMLFormElement): boolean {
  switch (form.dataset.kind) {
    case 'single':
    case 'multiple': {
      const items = all<HTMLLIElement>(form, '.options > li');
      const correct = items.map((li) => li.dataset.correct === 'true');
      const chosen = items.map((li) => li.querySelector<HTMLInputElement>('input')?.checked === true);
      items.forEach((li, i) => {
        const isCorrect = correct[i] === true;
        const label = chosen[i]
          ? isCorrect
            ? 'Your choice, and right.'
            : 'Your choice, but not right.'
          : isCorrect
            ? 'A right answer.'
            : 'Not right.';
        reveal(li.querySelector('.explain'), chosen[i] === isCorrect, `${label} `);
      });
      return gradeChoice(correct, chosen);
    }
    case 'order': {
      const shown = all<HTMLLIElement>(form, '.steps > li').map((li) => Number(li.dataset.position));
      reveal(form.querySelector('.solution'), gradeOrder(shown));
      return gradeOrder(shown);
    }
    case 'match': {
      const selects = all<HTMLSelectElement>(form, 'select[data-row]');
      const chosen = selects.map((s) => (s.value === '' ? null : Number(s.value)));
      selects.forEach((s, row) => {
        const right = chosen[row] === row;
        const shownLetter = String.fromCharCode(
          65 + all(form, '.meanings > li').findIndex((li) => li.getAttribute('data-meaning') === String(row)),
        );
        reveal(
          s.parentElement?.querySelector('.explain') ?? null,
          right,
          right ? 'Right. ' : `Not right: the meaning is ${shownLetter}. `,
        );
      });
      return gradeMatch(chosen);
    }
    case 'spot-error': {
      const picked = form.querySelector<HTMLInputElement>('input:checked');
      const line = picked ? Number(picked.value) : null;
      const errorLine = Number(form.dataset.errorLine);
      const right = gradeSpot(line, errorLine);
      reveal(form.querySelector('[data-explains="error"]'), right);
      if (!right && line !== null) reveal(form.querySelector(`[data-explains="line-${line}"]`), false);
      return right;
    }
    default:
      return false;
  }
}

function setLocked(form: HTMLFormElement, locked: boolean) {
  for (const control of all<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>(
    form,
    'input, select, [data-move]',
  )) {
    control.disabled = locked;
  }
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const retry = form.querySelector<HTMLButtonElement>('[data-retry]');
  if (submit) submit.hidden = locked;
  if (retry) retry.hidden = !locked;
}

function moveStep(button: HTMLButtonElement) {
  const item = button.closest('li');
  const list = item?.parentElement;
  if (!item || !list) return;
  const sibling = button.dataset.move === '-1' ? item.previousElementSibling : item.nextElementSibling;
  if (!sibling) return;
  if (button.dataset.move === '-1') list.insertBefore(item, sibling);
  else list.insertBefore(sibling, item);
  button.focus();
  const position = [...list.children].indexOf(item) + 1;
  const status = list.parentElement?.querySelector('[data-move-status]');
  if (status)
    status.textContent = `${item.querySelector('.step')?.textContent?.trim()}: now step ${position} of ${list.children.length}.`;
}

class QuizElement extends HTMLElement {
  private results = new Map<string, boolean>();

  connectedCallback() {
    this.addEventListener('submit', (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      event.preventDefault();
      this.check(form);
    });
    this.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target.closest('button') : null;
      if (!target) return;
      const form = target.closest('form');
      if (target.dataset.move) moveStep(target);
      else if (target.hasAttribute('data-retry') && form) this.retry(form);
    });
  }

  private check(form: HTMLFormElement) {
    const right = gradeQuestion(form);
    this.results.set(form.dataset.qid ?? '', right);
    const verdict = form.querySelector('.verdict');
    if (verdict) {
      verdict.textContent = right ? 'Correct.' : 'Not quite. The explanations above say why.';
      verdict.classList.toggle('right', right);
      verdict.classList.toggle('wrong', !right);
    }
    setLocked(form, true);
    form.querySelector<HTMLButtonElement>('[data-retry]')?.focus();
    this.updateScore();
  }

  private retry(form: HTMLFormElement) {
    for (const explain of all<HTMLElement>(form, '.explain')) explain.hidden = true;
    const verdict = form.querySelector('.verdict');
    if (verdict) verdict.textContent = '';
    setLocked(form, false);
    form.querySelector<HTMLElement>('input, select, [data-move]')?.focus();
  }

  private updateScore() {
    const total = Number(this.dataset.total);
    const correct = [...this.results.values()].filter(Boolean).length;
    const score = this.querySelector('[data-score]');
    if (this.results.size < total) {
      if (score) score.textContent = `${this.results.size} of ${total} questions checked, ${correct} right so far.`;
      return;
    }
    if (score) score.textContent = `You answered ${correct} of ${total} questions correctly.`;
    const lesson = this.dataset.lesson;
    if (lesson) saveQuizScore(lesson, { correct, total });
  }
}

if (!customElements.get('ecs-quiz')) customElements.define('ecs-quiz', QuizElement);

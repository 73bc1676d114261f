// A practice question in the browser: the check form is sent as the same GET the page makes without
// JavaScript, and the server's answer (feedback, progress, the way on) takes the question's place, with focus
// on the verdict. Before that, fields that clash (two items at one position) are flagged as they are chosen.
import { submitForPage, swapIn } from '../form-swap.ts';

/** practice-question.tsx's practiceData: UI words for the busy button, a lost connection and a clash. */
interface Labels {
  checking: string;
  networkError: string;
  clash?: string;
}

/** Marks the selects of an order or a match that clash, and says why in the question's problem line. */
function flagClashes(root: HTMLElement, d: Labels) {
  const problem = root.querySelector<HTMLElement>('.question-form .problem');
  if (!d.clash || !problem) return;
  const selects = [...root.querySelectorAll<HTMLElement>('.question-form :is(.order, .pairs) select')] as unknown as HTMLSelectElement[];
  const count = new Map<string, number>();
  for (const s of selects) if (s.value) count.set(s.value, (count.get(s.value) ?? 0) + 1);
  let clashes = 0;
  for (const s of selects) {
    const clash = !!s.value && count.get(s.value)! > 1;
    clashes += Number(clash);
    if (clash) {
      s.setAttribute('aria-invalid', 'true');
      s.setAttribute('aria-describedby', problem.id);
    } else {
      s.removeAttribute('aria-invalid');
      s.removeAttribute('aria-describedby');
    }
  }
  if (clashes) problem.textContent = d.clash;
  else if (problem.textContent === d.clash) problem.textContent = '';
}

/** Checks the answer on the server and shows its answer: the graded question, or the problem it found. */
async function check(root: HTMLElement, form: HTMLFormElement, submitter: HTMLElement | null, d: Labels) {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const problem = form.querySelector<HTMLElement>('.problem');
  if (button?.disabled) return;
  const label = button?.textContent ?? '';
  if (button) [button.disabled, button.textContent] = [true, d.checking];
  const done = (message: string) => {
    if (button) [button.disabled, button.textContent] = [false, label];
    if (problem) problem.textContent = message;
  };
  try {
    const page = await submitForPage(form, submitter);
    const answer = page?.querySelector<HTMLElement>(`[data-island="${root.dataset.island}"]`);
    // Not the page with this question (the quiz is gone, a refusal): the browser shows what the server says.
    if (!answer) return form.submit();
    if (!answer.querySelector('.feedback')) return done(answer.querySelector('.problem')?.textContent ?? '');
    swapIn(root, answer);
    root.querySelector<HTMLElement>('.feedback .verdict')?.focus();
  } catch {
    done(d.networkError);
  }
}

/** Checks answers in place: the form's submit and change events, caught on the island around it. */
export function enhance(root: HTMLElement, { labels: d }: { labels: Labels }): void {
  root.addEventListener('change', () => flagClashes(root, d));
  root.addEventListener('submit', (e) => {
    const form = e.target as HTMLFormElement;
    if (!form.matches('.question-form')) return; // the results form goes as it is
    e.preventDefault();
    void check(root, form, e.submitter, d);
  });
}

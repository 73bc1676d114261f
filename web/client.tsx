// Browser entry: hydrates the islands that the server rendered. Nothing else runs in the browser.
import { hydrate, type ComponentType } from 'preact';
import { PracticeQuestion } from './islands/practice-question.tsx';
import { Reader } from './islands/reader.tsx';
import { Listen } from './islands/listen.tsx';

const islands: Record<string, ComponentType<any>> = { Reader, PracticeQuestion, Listen };

for (const el of document.querySelectorAll<HTMLElement>('[data-island]')) {
  const Component = islands[el.dataset.island!];
  if (Component) hydrate(<Component {...JSON.parse(el.dataset.props ?? '{}')} />, el);
}

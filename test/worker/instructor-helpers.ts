// Shared by the instructor route tests: the token, headers and a valid set.
import { expect } from 'vitest';
import { request } from './helpers.ts';

export const TOKEN = 'test-instructor-token-0123456789';
export const auth = { authorization: `Bearer ${TOKEN}` };
export const json = { 'content-type': 'application/json' };

export const t = (de: string, en: string) => ({ de, en });
export const validSet = (title = 'Testset') => ({
  title: t(title, title),
  languages: ['de', 'en'],
  lesson: 'china',
  questions: [
    {
      id: 'q1',
      type: 'single',
      prompt: t('Wer ist der größte Produzent?', 'Who is the largest producer?'),
      choices: [
        { id: 'a', text: t('China', 'China'), correct: true },
        { id: 'b', text: t('Japan', 'Japan'), feedback: t('Nein.', 'No.') },
      ],
    },
    { id: 'q2', type: 'truefalse', prompt: t('Japan ist Partner der USA.', 'Japan is a partner of the US.'), answer: true },
  ],
});

export const api = (path: string, init: RequestInit = {}) => request(`/api/question-sets${path}`, init);
export const create = async (body: unknown = validSet()) => {
  const res = await api('', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; version: number };
};

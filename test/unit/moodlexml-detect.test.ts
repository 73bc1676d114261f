// The editor's upload is read in the format its content has.
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../core/formats/shared/detect.ts';
import { fixture } from './moodlexml-helpers.ts';

describe('detectFormat', () => {
  it.each([
    ['moodlexml', fixture('all-types.xml')],
    ['moodlexml', '\uFEFF  <quiz>\n</quiz>'],
    ['json', '{"title":{"de":"x"},"languages":["de"],"questions":[]}'],
    ['cloze', 'Die USA und {1:SA:=Japan} haben eine {1:MC:=Vereinbarung~Verordnung}.'],
    ['gift', '::q1:: Wer? {=China ~Japan}'],
    ['gift', '::q1:: Jahr? {#2025}\n\n::q2:: {1:SA:=x} and {=y}'],
    ['gift', '// only a comment'],
  ])('reads %s', (format, text) => expect(detectFormat(text)).toBe(format));
});

import MarkdownIt from 'markdown-it';

/**
 * Moodle's `[markdown]` text as HTML, rendered by markdown-it with raw HTML off (so `<script>` in Markdown is
 * text, not a tag); the result goes through the same sanitiser as `[html]`.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

/** Markdown → HTML (not yet sanitised). */
export const markdownToHtml = (source: string): string => md.render(source).trim();

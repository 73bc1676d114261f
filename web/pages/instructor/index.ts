// The instructor area's pages: sign-in, dashboard, editor, preview and delete (one file each).
export { SignInPage } from './sign-in.tsx';
export { DashboardPage, type QuizLink } from './dashboard.tsx';
export { EditorPage, type EditorProps } from './editor.tsx';
export { DeletePage, PreviewPage } from './preview.tsx';
export { Shell, type ProblemRow, type SetRow } from './shared.tsx';

import { usePage } from '../../page-context.ts';
import { base } from './shared.tsx';

export function SignInPage({ error }: { error?: string | undefined }) {
  const { t, lang } = usePage();
  return (
    <>
      <h1>{t('instructor.title')}</h1>
      <p class="lead">{t('instructor.signInIntro')}</p>
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      <form method="post" action={`${base(lang)}/sign-in`} class="sign-in">
        <p>
          <label for="token">{t('instructor.token')}</label>
          <br />
          <input class="text" type="password" id="token" name="token" autocomplete="current-password" required />
        </p>
        <button type="submit" class="primary">
          {t('instructor.signIn')}
        </button>
      </form>
    </>
  );
}

/** The instructor area's frame: a bar with the area's home and sign-out. */

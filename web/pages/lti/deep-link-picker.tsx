import { usePage } from '../../page-context.ts';

export interface PickerItem {
  /** The link's custom.quiz: a lesson id, `final` or `set:{id}`. */
  quiz: string;
  title: string;
  /** The language of the title (a set may have a title in one language only). */
  titleLang: string;
  kind: 'lesson' | 'final' | 'set';
}

export interface DeepLinkPickerProps {
  items: PickerItem[];
  /** Whether the platform takes several links at once (accept_multiple). */
  multiple: boolean;
  /** The sealed deep-linking request, posted back with the choice. */
  request: string;
}

/**
 * The deep-linking picker (an instructor adding the activity in the LMS): lessons' quizzes, the final test
 * and published sets as a list of checkboxes (radio buttons when the platform takes one link), grouped, with
 * labels big enough to tap, and one submit.
 */
export function DeepLinkPicker({ items, multiple, request }: DeepLinkPickerProps) {
  const { t } = usePage();
  const groups = (['lesson', 'final', 'set'] as const).map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) }));
  return (
    <>
      <h1>{t('lti.picker.title')}</h1>
      <p class="lead">{t(multiple ? 'lti.picker.introMultiple' : 'lti.picker.introOne')}</p>
      <form method="post" action="/lti/deep-link" class="lti-picker">
        <input type="hidden" name="request" value={request} />
        {groups
          .filter((g) => g.items.length)
          .map((g) => (
            <fieldset key={g.kind}>
              <legend>{t(`lti.picker.${g.kind}s` as 'lti.picker.lessons')}</legend>
              <ul class="choices">
                {g.items.map((item) => (
                  <li key={item.quiz}>
                    <label class="choice">
                      <input type={multiple ? 'checkbox' : 'radio'} name="quiz" value={item.quiz} required={!multiple} />{' '}
                      <span lang={item.titleLang}>{item.title}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
        <button type="submit" class="primary">
          {t('lti.picker.add')}
        </button>
      </form>
    </>
  );
}

export interface DeepLinkReturnProps {
  returnUrl: string;
  jwt: string;
  count: number;
}

/** The signed answer, posted to the platform by the instructor's click (no script: the CSP allows none inline). */
export function DeepLinkReturn({ returnUrl, jwt, count }: DeepLinkReturnProps) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('lti.picker.readyTitle')}</h1>
      <p>{t('lti.picker.ready', { count })}</p>
      <form method="post" action={returnUrl}>
        <input type="hidden" name="JWT" value={jwt} />
        <button type="submit" class="primary">
          {t('lti.picker.return')}
        </button>
      </form>
    </>
  );
}

import { Fragment } from 'preact';
import { DataTable } from '../../components/data-table.tsx';
import { usePage } from '../../page-context.ts';
import { base, Csrf, Shell } from './shared.tsx';

/** A registered platform as the page lists it (worker/services/lti/platform-types.ts's Platform). */
export interface PlatformRow {
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  /** Dynamic registration: the platform's product (never empty); manual: ''. */
  name: string;
}

/** The tool's URLs an LMS needs, and the scopes it asks for. */
export interface ToolUrlsView {
  login: string;
  launch: string;
  jwks: string;
  deepLink: string;
  register: string;
  scopes: string[];
}

/** The manual registration form's fields, as typed (deployment ids one per line). */
export interface PlatformForm {
  issuer: string;
  clientId: string;
  deploymentIds: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
}

export const PLATFORM_FORM_FIELDS = ['issuer', 'clientId', 'deploymentIds', 'authUrl', 'tokenUrl', 'jwksUrl'] as const;
export type PlatformField = (typeof PLATFORM_FORM_FIELDS)[number];

/** A problem of the form, in the UI language, on one field. */
export interface FieldProblem {
  field: PlatformField;
  message: string;
}

export const emptyPlatformForm: PlatformForm = { issuer: '', clientId: '', deploymentIds: '', authUrl: '', tokenUrl: '', jwksUrl: '' };

export interface LtiPlatformsProps {
  csrf: string;
  platforms: PlatformRow[];
  tool: ToolUrlsView;
  form: PlatformForm;
  problems: FieldProblem[];
  notice?: string | undefined;
}

/** `/{lang}/instructor/lti`: the tool's URLs for an LMS, the registered platforms, and manual registration. */
export function LtiPlatformsPage(p: LtiPlatformsProps) {
  const { t } = usePage();
  return (
    <Shell csrf={p.csrf}>
      <h1>{t('lti.platforms.title')}</h1>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <p>{t('lti.platforms.intro')}</p>
      <ToolUrls tool={p.tool} />
      <PlatformTable platforms={p.platforms} csrf={p.csrf} />
      <ManualForm csrf={p.csrf} form={p.form} problems={p.problems} />
    </Shell>
  );
}

/**
 * A URL in `<code>` that may wrap at 360 px without a stylesheet rule: a `<wbr>` after each `/ ? & =` and
 * every 24 characters of a longer run (the invitation). Selecting and copying it gives the URL unchanged.
 */
export function Url({ value, id }: { value: string; id?: string }) {
  const parts = value.match(/[^/?&=]{1,24}[/?&=]?|[/?&=]/g) ?? [value];
  return (
    <code id={id} class="url">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </code>
  );
}

/** The URLs and scopes to paste into an LMS, each as a term and its value. */
function ToolUrls({ tool }: { tool: ToolUrlsView }) {
  const { t } = usePage();
  const rows: [string, string, string?][] = [
    [t('lti.platforms.urls.register'), tool.register, t('lti.platforms.urls.registerHelp')],
    [t('lti.platforms.urls.login'), tool.login],
    [t('lti.platforms.urls.launch'), tool.launch],
    [t('lti.platforms.urls.deepLink'), tool.deepLink],
    [t('lti.platforms.urls.jwks'), tool.jwks],
  ];
  return (
    <section aria-labelledby="lti-urls">
      <h2 id="lti-urls">{t('lti.platforms.urls.title')}</h2>
      <p>{t('lti.platforms.urls.intro')}</p>
      <dl class="lti-urls">
        {rows.map(([label, url, help]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>
              <Url value={url} />
              {help && (
                <>
                  <br />
                  <span class="muted">{help}</span>
                </>
              )}
            </dd>
          </Fragment>
        ))}
        <dt>{t('lti.platforms.urls.scopes')}</dt>
        <dd>
          <ul class="lti-scopes">
            {tool.scopes.map((s) => (
              <li key={s}>
                <Url value={s} />
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </section>
  );
}

/** The registered platforms, each with a remove button. */
function PlatformTable({ platforms, csrf }: { platforms: PlatformRow[]; csrf: string }) {
  const { t, lang } = usePage();
  return (
    <section aria-labelledby="lti-registered">
      <h2 id="lti-registered">{t('lti.platforms.registered')}</h2>
      {platforms.length === 0 ? (
        <p class="empty">{t('lti.platforms.none')}</p>
      ) : (
        <DataTable
          class="progress-table lti-platforms"
          columns={[
            t('lti.platforms.fields.issuer'),
            t('lti.platforms.fields.clientId'),
            t('lti.platforms.fields.deploymentIds'),
            t('lti.platforms.how'),
            t('instructor.actions'),
          ]}
        >
          {platforms.map((pl) => (
            <tr key={`${pl.issuer} ${pl.clientId}`}>
              <th scope="row">
                <Url value={pl.issuer} />
              </th>
              <td>
                <code>{pl.clientId}</code>
              </td>
              <td>{pl.deploymentIds.length ? pl.deploymentIds.join(', ') : t('lti.platforms.noDeployments')}</td>
              <td>{pl.name ? t('lti.platforms.dynamic', { name: pl.name }) : t('lti.platforms.manual')}</td>
              <td class="actions-cell">
                <form method="post" action={`${base(lang)}/lti/platforms/remove`} class="inline-form">
                  <Csrf token={csrf} />
                  <input type="hidden" name="issuer" value={pl.issuer} />
                  <input type="hidden" name="clientId" value={pl.clientId} />
                  <button type="submit" class="button">
                    {t('lti.platforms.remove')}
                    <span class="visually-hidden"> {t('lti.platforms.removeWhich', { issuer: pl.issuer, clientId: pl.clientId })}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** Manual registration: the platform's details from its LMS; refused fields are marked and explained. */
function ManualForm({ csrf, form, problems }: { csrf: string; form: PlatformForm; problems: FieldProblem[] }) {
  const { t, lang } = usePage();
  const problemOf = (f: PlatformField) => problems.find((pr) => pr.field === f)?.message;
  return (
    <section aria-labelledby="lti-manual">
      <h2 id="lti-manual">{t('lti.platforms.manualTitle')}</h2>
      <p>{t('lti.platforms.manualIntro')}</p>
      {problems.length > 0 && (
        <div class="problems" role="alert">
          <p>{t('lti.platforms.problems', { count: problems.length })}</p>
          <ul>
            {problems.map((pr) => (
              <li key={pr.field}>
                <a href={`#lti-${pr.field}`}>{pr.message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={`${base(lang)}/lti/platforms`} class="editor" novalidate>
        <Csrf token={csrf} />
        {PLATFORM_FORM_FIELDS.map((f) => (
          <FormField key={f} field={f} value={form[f]} problem={problemOf(f)} />
        ))}
        <button type="submit" class="primary">
          {t('lti.platforms.register')}
        </button>
      </form>
    </section>
  );
}

/** One labelled field with its help and, when refused, its problem (announced with the field). */
function FormField({ field, value, problem }: { field: PlatformField; value: string; problem?: string | undefined }) {
  const { t } = usePage();
  const id = `lti-${field}`;
  const described = [`${id}-help`, problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  const common = { id, name: field, 'aria-describedby': described, 'aria-invalid': problem ? ('true' as const) : undefined };
  return (
    <p>
      <label for={id}>{t(`lti.platforms.fields.${field}`)}</label>
      <br />
      {field === 'deploymentIds' ? (
        <textarea {...common} rows={3} spellcheck={false}>
          {value}
        </textarea>
      ) : field.endsWith('Url') ? (
        <input {...common} class="text" type="url" value={value} spellcheck={false} />
      ) : (
        <input {...common} class="text" type="text" value={value} spellcheck={false} />
      )}
      <br />
      <span id={`${id}-help`} class="muted">
        {t(`lti.platforms.help.${field}`)}
      </span>
      {problem && (
        <>
          <br />
          <strong id={`${id}-problem`} class="problem">
            {problem}
          </strong>
        </>
      )}
    </p>
  );
}

import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import {
  emptyPlatformForm,
  LtiPlatformsPage,
  PLATFORM_FORM_FIELDS,
  type FieldProblem,
  type PlatformField,
  type PlatformForm,
} from '../../../web/pages/instructor/lti-platforms.tsx';
import { requireCsrf, requireSession } from '../../auth/instructor-area.tsx';
import type { AppEnv } from '../../env.ts';
import { renderPage } from '../../render/document.tsx';
import {
  listPlatforms,
  platformUrlProblems,
  registerPlatform,
  removePlatform,
  toolUrlsWithInvite,
  type PlatformInput,
} from '../../services/lti/manual-registration.ts';
import { PlatformInput as PlatformInputSchema } from '../api/schemas/lti.ts';

type C = Context<AppEnv>;

const str = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
const pagePath = (c: C) => `/${c.get('lang')}/instructor/lti`;

/** The form as typed, trimmed; deployment ids are one per line (commas also separate them). */
async function formOf(c: C): Promise<PlatformForm> {
  const body = await c.req.parseBody();
  const form = { ...emptyPlatformForm };
  for (const f of PLATFORM_FORM_FIELDS) form[f] = str(body, f).trim();
  return form;
}

const deploymentIdsOf = (form: PlatformForm) =>
  form.deploymentIds
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A schema problem in the instructor's words: missing, too long, or too many deployment ids. */
function schemaProblem(c: C, issue: z.core.$ZodIssue): FieldProblem | null {
  const field = issue.path[0] as PlatformField | undefined;
  if (!field || !PLATFORM_FORM_FIELDS.includes(field)) return null;
  const t = c.get('t');
  const label = t(`lti.platforms.fields.${field}`);
  if (issue.code === 'too_big')
    return {
      field,
      message: t(field === 'deploymentIds' && issue.path.length === 1 ? 'lti.platforms.tooMany' : 'lti.platforms.tooLong', {
        field: label,
      }),
    };
  return { field, message: t('lti.platforms.required', { field: label }) };
}

/**
 * The input the API's schema takes, or every problem of the form in the UI language (the API's one schema,
 * then the service's check of the URLs the tool will call).
 */
function validate(c: C, form: PlatformForm): { input: PlatformInput } | { problems: FieldProblem[] } {
  const t = c.get('t');
  const parsed = PlatformInputSchema.safeParse({ ...form, deploymentIds: deploymentIdsOf(form) });
  const problems: FieldProblem[] = [];
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const problem = schemaProblem(c, issue);
      if (problem && !problems.some((p) => p.field === problem.field)) problems.push(problem);
    }
  for (const { path, reason } of platformUrlProblems(form))
    if (!problems.some((p) => p.field === path))
      problems.push({ field: path, message: t(`lti.platforms.url.${reason}`, { field: t(`lti.platforms.fields.${path}`) }) });
  problems.sort((a, b) => PLATFORM_FORM_FIELDS.indexOf(a.field) - PLATFORM_FORM_FIELDS.indexOf(b.field));
  return parsed.success && !problems.length ? { input: parsed.data } : { problems };
}

/** The page, with the form as typed and its problems (422 when there are any). */
async function page(c: C, form: PlatformForm = emptyPlatformForm, problems: FieldProblem[] = []) {
  const [platforms, tool] = await Promise.all([listPlatforms(c.env), toolUrlsWithInvite(c.env, new URL(c.req.url).origin)]);
  return renderPage(
    c,
    c.get('lang'),
    <LtiPlatformsPage
      csrf={c.get('csrf')}
      platforms={platforms}
      tool={tool}
      form={form}
      problems={problems}
      notice={problems.length ? undefined : c.req.query('notice')}
    />,
    { title: c.get('t')('lti.platforms.title'), status: problems.length ? 422 : 200 },
  );
}

const back = (c: C, notice: string) => c.redirect(`${pagePath(c)}?notice=${encodeURIComponent(notice)}`, 303);

/** `/{lang}/instructor/lti`: the tool's URLs for an LMS, registered platforms, manual registration and removal. */
export const instructorLtiPages = new Hono<AppEnv>()
  .use('/:lang/instructor/lti', requireSession)
  .use('/:lang/instructor/lti/*', requireSession)
  .get('/:lang/instructor/lti', (c) => page(c))
  .post('/:lang/instructor/lti/platforms', requireCsrf, async (c) => {
    const form = await formOf(c);
    const checked = validate(c, form);
    if ('problems' in checked) return page(c, form, checked.problems);
    const platform = await registerPlatform(c.env, checked.input);
    return back(c, c.get('t')('lti.platforms.registeredNotice', { issuer: platform.issuer, clientId: platform.clientId }));
  })
  .post('/:lang/instructor/lti/platforms/remove', requireCsrf, async (c) => {
    const body = await c.req.parseBody();
    const [issuer, clientId] = [str(body, 'issuer'), str(body, 'clientId')];
    await removePlatform(c.env, issuer, clientId);
    return back(c, c.get('t')('lti.platforms.removedNotice', { issuer, clientId }));
  });

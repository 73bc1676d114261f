/**
 * The contract between the LTI launch (worker/routes/lti/, worker/auth/lti-session.ts) and the class results
 * and grade passback (worker/services/lti/grades.ts, worker/objects/lti-gradebook/): types only.
 */

/** A verified LtiResourceLinkRequest, reduced to what the tool keeps. */
export interface LtiLaunch {
  /** The platform's issuer and the client id it registered this tool under. */
  iss: string;
  clientId: string;
  deploymentId: string;
  /** The course (context) and the link inside it. */
  contextId: string;
  contextTitle?: string;
  resourceLinkId: string;
  /** The person on the platform, and their display name from the launch's `name` claim. */
  sub: string;
  name?: string;
  roles: string[];
  /** The quiz the link opens: a lesson id, `final`, or `set:{id}` (custom.quiz). */
  quiz: string;
  /** The UI language chosen from the launch's `locale`. */
  lang: string;
  /** The AGS endpoint claim, when the platform grants it. */
  ags?: { lineitem?: string; lineitems?: string; scope: string[] };
  /** The NRPS claim, when the platform grants it. */
  nrps?: { contextMembershipsUrl: string };
}

/** A launched learner's graded attempt of a linked quiz (attempts.ts hands it over after it is stored). */
export interface LtiAttempt {
  attemptId: string;
  quiz: string;
  /** 0..1, and the points behind it. */
  score: number;
  points: number;
  maxPoints: number;
  submittedAt: string;
  /** The content language the attempt was answered in (its prompts and responses), for `lang` in the table. */
  lang?: string;
  /** Per question: id, score 0..1 and the learner's response as text (and the prompt as shown), for the instructor's table. */
  answers: { question: string; score: number; response: string; prompt?: string }[];
}

/** Which attempt counts in the gradebook, per link; the instructor chooses, default best. */
export type AttemptPolicy = 'best' | 'last' | 'first';

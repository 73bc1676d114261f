import { ApiError } from '../../http/errors.ts';

/** Why a login, launch or registration was refused; each has its own explanation in both UI languages (lti.errors.*). */
export type LtiErrorCode =
  | 'bad_request'
  | 'unknown_platform'
  | 'unknown_deployment'
  | 'state_mismatch'
  | 'bad_token'
  | 'bad_signature'
  | 'expired'
  | 'replayed'
  | 'wrong_version'
  | 'wrong_message'
  | 'unknown_quiz'
  | 'platform_unreachable'
  | 'registration_failed'
  | 'no_session'
  | 'no_invitation';

const STATUS: Record<LtiErrorCode, 400 | 401 | 403 | 404 | 422> = {
  bad_request: 400,
  unknown_platform: 403,
  unknown_deployment: 403,
  state_mismatch: 403,
  bad_token: 401,
  bad_signature: 401,
  expired: 401,
  replayed: 403,
  wrong_version: 400,
  wrong_message: 400,
  unknown_quiz: 404,
  platform_unreachable: 422,
  registration_failed: 422,
  no_session: 401,
  no_invitation: 403,
};

/** A refused LTI request: a client's (or platform's) mistake, answered as a page in the UI language with a 4xx. */
export class LtiError extends ApiError {
  readonly reason: LtiErrorCode;
  constructor(reason: LtiErrorCode, message: string) {
    super(STATUS[reason], `lti_${reason}`, message);
    this.reason = reason;
  }
}

// The gradebook object of one LTI context, named by its platform issuer and context id.

/** The object name of a context: issuer and context id, which together are unique across platforms. */
export const bookName = (iss: string, contextId: string) => `${iss}\n${contextId}`;

export const gradebookOf = (env: Env, name: string) => env.LTI_GRADEBOOK.get(env.LTI_GRADEBOOK.idFromName(name));

/** The quiz id attempts carry for a launch's `custom.quiz` (`set:{id}` names a set, whose attempts use its id). */
export const attemptQuizId = (quiz: string) => (quiz.startsWith('set:') ? quiz.slice(4) : quiz);

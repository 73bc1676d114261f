/** The registry's tables (one SQLite object for the whole deployment of the tool; docs/decisions/0012-lti.md). */
export const REGISTRY_SCHEMA = [
  // A platform is one (issuer, client id): a platform may register the tool more than once.
  `CREATE TABLE IF NOT EXISTS platforms (
     issuer TEXT NOT NULL, client_id TEXT NOT NULL, auth_url TEXT NOT NULL, token_url TEXT NOT NULL,
     jwks_url TEXT NOT NULL, name TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL,
     PRIMARY KEY (issuer, client_id)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS deployments (
     issuer TEXT NOT NULL, client_id TEXT NOT NULL, deployment_id TEXT NOT NULL,
     PRIMARY KEY (issuer, client_id, deployment_id)) WITHOUT ROWID`,
  // Platforms registered dynamically without a deployment id (Dynamic Registration 1.0 makes it optional):
  // a verified launch's deployment is recorded as theirs. A table, not a column, so no migration is needed.
  `CREATE TABLE IF NOT EXISTS learns_deployments (
     issuer TEXT NOT NULL, client_id TEXT NOT NULL, PRIMARY KEY (issuer, client_id)) WITHOUT ROWID`,
  // Nonces issued at login; a launch consumes one exactly once (used = 1), expired ones are pruned.
  `CREATE TABLE IF NOT EXISTS nonces (nonce TEXT PRIMARY KEY, used INTEGER NOT NULL DEFAULT 0, expires_at INTEGER NOT NULL) WITHOUT ROWID`,
  // The server-side copy of a login's state, for browsers that refuse the state cookie inside the LMS iframe.
  `CREATE TABLE IF NOT EXISTS states (state TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID`,
  // Platform key sets, kept as long as their Cache-Control allows.
  `CREATE TABLE IF NOT EXISTS jwks (url TEXT PRIMARY KEY, body TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID`,
  // Launched sessions (the launch behind an LTI session cookie), short-lived.
  `CREATE TABLE IF NOT EXISTS sessions (sid TEXT PRIMARY KEY, launch TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID`,
];

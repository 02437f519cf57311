/**
 * The only file that reads the environment. Everything else receives a Config.
 */
export interface Config {
  /** `embedded`: PGlite in `dataDir`; `server`: PostgreSQL at `databaseUrl`. */
  readonly database:
    | { readonly kind: 'embedded'; readonly dataDir: string }
    | { readonly kind: 'server'; readonly url: string };
  readonly port: number;
  readonly host: string;
  /** Production mode refuses demo shortcuts (fixed passwords, demo data on start). */
  readonly production: boolean;
  readonly logLevel: string;
  /** First administrator's password in production (JIXIAO_ADMIN_PASSWORD); otherwise one is generated. */
  readonly adminPassword: string | undefined;
  /** API requests per minute per client address (JIXIAO_RATE_LIMIT). */
  readonly rateLimitPerMinute: number;
  /** Behind a TLS-terminating reverse proxy: trust X-Forwarded-* (JIXIAO_TRUST_PROXY=1). */
  readonly trustProxy: boolean;
  /** Serve dist/web as it is, without rebuilding it at start (JIXIAO_SKIP_WEB_BUILD=1). */
  readonly skipWebBuild: boolean;
  /** PostgreSQL pool size per server process (JIXIAO_DB_POOL). */
  readonly dbPoolSize: number;
  /** How long a process may reuse a resolved session before reading it again (JIXIAO_SESSION_CACHE_SECONDS;
   * 0 turns the cache off). See docs/decisions/0007-session-read-cache.md. */
  readonly sessionCacheSeconds: number;
  /** How long a user's repeated GET of a cached route may be answered from the body sent a moment ago,
   * when nothing was written since (JIXIAO_READ_CACHE_SECONDS; 0 turns it off). ADR 0007. */
  readonly readCacheSeconds: number;
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const url = env['DATABASE_URL']?.trim();
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got ${env['PORT']}`);
  }
  return {
    database: url
      ? { kind: 'server', url }
      : { kind: 'embedded', dataDir: env['JIXIAO_DATA_DIR']?.trim() || './data' },
    port,
    host: env['HOST']?.trim() || '0.0.0.0',
    production: env['NODE_ENV'] === 'production',
    logLevel: env['LOG_LEVEL']?.trim() || 'info',
    adminPassword: env['JIXIAO_ADMIN_PASSWORD'] || undefined,
    rateLimitPerMinute: positive(env, 'JIXIAO_RATE_LIMIT', 6000),
    trustProxy: env['JIXIAO_TRUST_PROXY'] === '1',
    skipWebBuild: env['JIXIAO_SKIP_WEB_BUILD'] === '1',
    dbPoolSize: positive(env, 'JIXIAO_DB_POOL', 10),
    sessionCacheSeconds:
      env['JIXIAO_SESSION_CACHE_SECONDS']?.trim() === '0'
        ? 0
        : positive(env, 'JIXIAO_SESSION_CACHE_SECONDS', 5),
    readCacheSeconds:
      env['JIXIAO_READ_CACHE_SECONDS']?.trim() === '0' ? 0 : positive(env, 'JIXIAO_READ_CACHE_SECONDS', 5),
  };
}

function positive(env: Readonly<Record<string, string | undefined>>, key: string, fallback: number): number {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${key} must be a positive integer, got ${raw}`);
  return n;
}

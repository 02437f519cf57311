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
  };
}

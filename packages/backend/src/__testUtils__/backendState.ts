import { createClient } from '@redis/client';
import { Client } from 'pg';

export interface PostgresConnection {
  host: string;
  port: string;
  user: string;
  password: string;
}

/** The machine's PostgreSQL, as POSTGRES_* say (trust auth by default). */
export const localPostgres = (): PostgresConnection => ({
  host: process.env.POSTGRES_HOST ?? '127.0.0.1',
  port: process.env.POSTGRES_PORT ?? '5432',
  user: process.env.POSTGRES_USER ?? 'postgres',
  password: process.env.POSTGRES_PASSWORD ?? 'unused-with-trust-auth',
});

/**
 * Removes what backends started with `backend.database.prefix: dbPrefix` and
 * the Redis key namespace `redisNamespace` left behind: every database of the
 * prefix (one per plugin) and every key of the namespace.
 */
export async function dropBackendState(options: {
  pg: PostgresConnection;
  dbPrefix: string;
  redisUrl: string;
  redisNamespace: string;
}) {
  const client = new Client({
    ...options.pg,
    port: Number(options.pg.port),
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${options.dbPrefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
  const redis = createClient({ url: options.redisUrl });
  await redis.connect();
  try {
    for await (const key of redis.scanIterator({
      MATCH: `${options.redisNamespace}:*`,
    })) {
      await redis.del(key);
    }
  } finally {
    await redis.quit();
  }
}

/** Which upstream an envelope's data came from. @public */
export type UpstreamSource = 'kubernetes' | 'mlflow' | 'cost';

/**
 * Every per-environment data route answers with this envelope, so that one
 * dead upstream degrades its own card and never the whole page.
 * @public
 */
export interface SourceEnvelope<T> {
  environment: string;
  source: UpstreamSource;
  /** ISO 8601 time the data was fetched from the upstream. */
  fetchedAt: string;
  stale: boolean;
  error?: { message: string };
  /** True when the environment has no connection for this source in app-config. */
  notConfigured?: boolean;
  data?: T;
}

/** The MLflow REST 2.0 shapes the portal reads (fields it does not use are left out). */

export interface MlflowTag {
  key: string;
  value: string;
}

export interface MlflowRegisteredModel {
  name: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  description?: string;
  latest_versions?: MlflowModelVersion[];
  tags?: MlflowTag[];
  /** MLflow 2.3+: aliases of the model's versions. */
  aliases?: Array<{ alias: string; version: string }>;
}

export interface MlflowModelVersion {
  name: string;
  version: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  current_stage?: string;
  description?: string;
  source?: string;
  run_id?: string;
  status?: string;
  status_message?: string;
  tags?: MlflowTag[];
  aliases?: string[];
}

export interface MlflowRun {
  info: { run_id: string; status?: string };
  data: {
    metrics?: Array<{
      key: string;
      value: number;
      timestamp?: number;
      step?: number;
    }>;
    tags?: MlflowTag[];
  };
}

/** One environment's MLflow tracking server and model registry. */
export interface MlflowClient {
  /** Every registered model, all pages. */
  searchRegisteredModels(
    signal?: AbortSignal,
  ): Promise<MlflowRegisteredModel[]>;
  /** Every version of one model, all pages. */
  searchModelVersions(
    modelName: string,
    signal?: AbortSignal,
  ): Promise<MlflowModelVersion[]>;
  /** The version an alias points at; undefined when the alias does not exist. */
  getModelVersionByAlias(
    modelName: string,
    alias: string,
    signal?: AbortSignal,
  ): Promise<MlflowModelVersion | undefined>;
  /** A run; undefined when it was deleted (RESOURCE_DOES_NOT_EXIST). */
  getRun(runId: string, signal?: AbortSignal): Promise<MlflowRun | undefined>;
}

export interface MlflowClientOptions {
  /** Page size for the search endpoints (max_results). */
  pageSize: number;
  /** Bound on one HTTP request. */
  requestTimeoutMs: number;
}

/** An error answer from MLflow, with its error_code. */
export class MlflowError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errorCode?: string,
    /** Set when MLflow (or its proxy) answered 429/503 with Retry-After. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'MlflowError';
  }
}

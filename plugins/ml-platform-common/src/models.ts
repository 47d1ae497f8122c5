/** Registration state of a model version, as MLflow reports it. @public */
export type ModelVersionStatus =
  | 'READY'
  | 'PENDING_REGISTRATION'
  | 'FAILED_REGISTRATION';

/** One version of a registered model. @public */
export type ModelVersionSummary = {
  version: string;
  /** MLflow stage: None, Staging, Production or Archived. */
  stage: string;
  status: ModelVersionStatus | string;
  statusMessage?: string;
  runId?: string;
  /** ISO 8601. */
  createdAt: string;
  aliases: string[];
  description?: string;
  tags: Record<string, string>;
  /** The configured key metrics of the source run, when they were read. */
  metrics: Record<string, number>;
};

/** Why what runs differs from what the registry says should run. @public */
export type ModelDriftKind =
  | 'champion-not-deployed'
  | 'deployed-version-archived'
  | 'deployed-version-missing'
  | 'registration-failed';

/** A drift flag a user can act on. @public */
export type ModelDrift = {
  kind: ModelDriftKind;
  severity: 'warning' | 'error';
  message: string;
  version?: string;
};

/** An inference Deployment serving a model, found by its labels or MODEL_URI. @public */
export type ModelDeployment = {
  namespace: string;
  deployment: string;
  /** The resolved version, undefined when the reference did not resolve. */
  version?: string;
  /** The label value or MODEL_URI suffix as written (a version, alias or stage). */
  reference: string;
};

/** A registered model in one environment. @public */
export type ModelSummary = {
  name: string;
  description?: string;
  tags: Record<string, string>;
  latestVersion?: string;
  /** alias → version */
  aliases: Record<string, string>;
  /** Newest first. */
  versions: ModelVersionSummary[];
  /**
   * The version the environment's cluster runs; null when none is deployed
   * or the cluster could not be read (see `deployment.status`).
   */
  deployedVersion: string | null;
  deployments: ModelDeployment[];
  /** The version that should run: the champion alias, else the newest Production version. */
  targetVersion?: string;
  drift: ModelDrift[];
};

/** Whether the deployed versions could be read from the cluster. @public */
export type ModelDeploymentStatus = {
  status: 'ok' | 'error' | 'not-configured';
  message?: string;
};

/** `data` of `GET /environments/:name/models`. @public */
export type ModelRegistrySummary = {
  /** False when the environment has no mlflow block: shown as "not configured". */
  configured: boolean;
  /** How the registry marks what should run. */
  registryStyle: 'alias' | 'stage' | 'mixed' | 'none';
  models: ModelSummary[];
  deployment: ModelDeploymentStatus;
  /** Deployments that serve a model the registry does not know. */
  unregisteredDeployments: ModelDeployment[];
  /** The metric names read from each version's run. */
  keyMetrics: string[];
};

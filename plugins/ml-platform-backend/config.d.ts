export interface Config {
  permission?: {
    mlPlatform?: {
      /**
       * Entity refs (users or groups) allowed to read cost data with the
       * portal's demo policy; unset means everyone may.
       */
      costReaders?: string[];
    };
  };
  /** ML Platform portal: the environments it shows and how to reach them. */
  mlPlatform?: {
    /** How long upstream data (cluster, models) counts as fresh. */
    cache?: {
      /** Seconds before data is fetched again; default 60. */
      ttlSeconds?: number;
    };
    /**
     * Bound on one upstream read, retries included, in seconds; default 10.
     * A slower upstream yields an error (with stale data when there is some).
     */
    upstreamTimeoutSeconds?: number;
    /**
     * Seconds a user's decision on a basic permission (ml-platform.cost.read)
     * is reused instead of asking the permission backend on every request;
     * default 10, 0 asks every time. A policy change reaches users within it.
     */
    permissionDecisionCacheSeconds?: number;
    /** How the Models card reads each environment's MLflow registry. */
    models?: {
      /** Metric names read from each version's source run. Default [accuracy, f1, rmse]. */
      keyMetrics?: string[];
      /** The alias that marks the version that should run. Default champion; stage registries use Production. */
      championAlias?: string;
      /** Run metrics are read for this many newest versions (plus aliased, staged and deployed ones). Default 5. */
      metricsForNewestVersions?: number;
      /** max_results of each MLflow search page. Default 100. */
      pageSize?: number;
      /** Bound on one MLflow HTTP request in milliseconds. Default 5000. */
      requestTimeoutMs?: number;
    };
    /** How the cost ledger is refreshed from AWS Cost Explorer. */
    cost?: {
      /** Hours between Cost Explorer refreshes (each one costs money). Default 6. */
      refreshIntervalHours?: number;
      /** Months of history read when an environment has none yet. Default 3. */
      historyMonths?: number;
      /** Attempts per Cost Explorer request, with backoff. Default 5. */
      maxAttempts?: number;
      /**
       * Bound on one Cost Explorer HTTP attempt in seconds, so a hanging
       * endpoint cannot stall the refresh of the other environments. Default 30.
       */
      requestTimeoutSeconds?: number;
      /** Minutes between samples of GPU allocation, for idle GPU-hours. Default 5. */
      gpuSampleIntervalMinutes?: number;
      /**
       * Seconds after start-up before the first GPU sample, so a starting
       * backend (or several replicas at once) does not read every cluster
       * immediately. Default 60.
       */
      gpuSampleInitialDelaySeconds?: number;
      /** USD per GPU-hour by instance type, overriding the built-in on-demand prices. */
      gpuHourPrices?: { [instanceType: string]: number };
    };
    /**
     * The environments, read once at start-up. Invalid entries stop the
     * backend with a message that names the environment and the key.
     */
    environments?: Array<{
      /** DNS-safe, unique; the id used in routes and catalog annotations. */
      name: string;
      /** Human title, defaults to the name. */
      title?: string;
      tier: 'local' | 'dev' | 'staging' | 'prod';
      /** Entity ref of the owning group, e.g. group:default/ml-platform. */
      owner: string;
      /** Without this block the environment has no cluster or GPU cards. */
      kubernetes?: {
        /** Kubernetes API server URL. */
        url: string;
        authProvider: 'serviceAccount' | 'aws' | 'none';
        /**
         * Bearer token of a read-only service account.
         * @visibility secret
         */
        serviceAccountToken?: string;
        /** Path of a file holding the token, re-read when it rotates. */
        serviceAccountTokenFile?: string;
        /** Base64 PEM of the API server's CA. */
        caData?: string;
        skipTLSVerify?: boolean;
        /** For authProvider aws: the EKS cluster name and its region. */
        aws?: {
          clusterName: string;
          region: string;
          /** Role to assume before presigning the token. */
          assumeRoleArn?: string;
        };
        /** Namespaces where ML workloads (inference, MLflow, monitoring) run. */
        namespaces?: string[];
      };
      mlflow?: {
        url: string;
        /**
         * Bearer token for MLflow.
         * @visibility secret
         */
        token?: string;
        username?: string;
        /**
         * Basic auth password for MLflow.
         * @visibility secret
         */
        password?: string;
      };
      cost?: {
        /** Cost allocation tag that marks the environment, e.g. Environment. */
        tagKey: string;
        tagValue: string;
        region?: string;
        /** Monthly budget in the account's currency. */
        monthlyBudget?: number;
        /** Endpoint override (sandbox, tests, VPC endpoints). */
        endpoint?: string;
        /** Role to assume for this environment's account. */
        assumeRoleArn?: string;
      };
    }>;
  };
}

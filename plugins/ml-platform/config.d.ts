export interface Config {
  mlPlatform?: {
    /**
     * Set when the environments are served by the local sandbox upstreams, so
     * the UI labels everything it shows as demo data.
     * @visibility frontend
     */
    demoMode?: boolean;
  };
}

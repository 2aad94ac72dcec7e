/**
 * Runs once when the server starts: checks the configuration (a bad value stops start-up with a
 * message naming the variable), starts the history recorder (lib/history), alert evaluation (lib/api/alerts-start.ts) and, with no cluster
 * configured, the built-in demo (three clusters; DEMO_CLUSTERS=1 for one). This is the one place the product meets its stand-in: the
 * demo is registered as the cluster list (lib/clusters.ts), its past is read back through its nodes' /ts/query, and no product
 * module imports lib/demo.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First: a path Next cannot percent-decode gets a 400, not Next's bare 500 (lib/http/undecodable-url.ts).
  const { installUndecodableUrlGuard } = await import('./lib/http/undecodable-url-guard');
  installUndecodableUrlGuard();
  const { staticConfig, ConfigError } = await import('./lib/config');
  try {
    const { checkAuthConfig } = await import('./lib/auth/startup');
    checkAuthConfig();
    const { historyConfig } = await import('./lib/history/env');
    historyConfig();
    const { checkAlertConfig, startAlerts } = await import('./lib/api/alerts-start');
    checkAlertConfig();
    const { startHistory } = await import('./lib/history/start');
    if (staticConfig().mode !== 'demo') {
      // The recorder starts now; the alerts once each cluster's past is read from /ts/query (or that failed).
      const { backfilled } = await startHistory();
      void backfilled.then(() => startAlerts());
      return;
    }
    const { provideClusters } = await import('./lib/clusters');
    const { embeddedDemo, embeddedDemoConfig } = await import('./lib/demo/embedded');
    const t0 = Date.now();
    const configs = embeddedDemoConfig();
    provideClusters(configs);
    const fleet = await embeddedDemo();
    await configs;
    for (const { member, cluster } of fleet.members) console.log(`demo cluster ${member.id} (v${member.version}): SQL ${cluster.sqlUrl}; nodes ${cluster.nodeUrls.join(' ')}`);
    console.log(`demo: ${fleet.members.length} cluster(s) started in ${Date.now() - t0} ms; control ${fleet.controlUrl}`);
    // In the background, so the server answers meanwhile. The demo's past comes the way a real
    // cluster's does: its nodes serve their simulated history on POST /ts/query and the backfill
    // reads it (lib/history/ts-backfill.ts), exercised on every start. Alerts start once the past is
    // written (their windows are read from the store).
    void startHistory()
      .then(({ backfilled }) => backfilled)
      .then(() => startAlerts())
      .catch((err: unknown) => {
        console.error(err instanceof ConfigError ? `configuration error:\n${err.message}` : `history: could not start: ${String(err)}`);
        if (err instanceof ConfigError) process.exit(1);
      });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`configuration error:\n${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

/**
 * Runs once when the server starts: checks the configuration (a bad value stops start-up with a
 * message naming the variable), with no cluster configured starts the built-in demo cluster, and
 * starts the history recorder (lib/history).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { staticConfig, ConfigError } = await import('./lib/config');
  try {
    const { historyConfig } = await import('./lib/history/env');
    historyConfig();
    if (staticConfig().mode === 'demo') {
      const { embeddedDemo } = await import('./lib/demo/embedded');
      const demo = await embeddedDemo();
      console.log(`demo cluster: SQL ${demo.sqlUrl}; nodes ${demo.nodeUrls.join(' ')}; control ${demo.controlUrl}`);
    }
    const { startHistory } = await import('./lib/history/start');
    startHistory();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`configuration error:\n${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

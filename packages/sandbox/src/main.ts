import { demoScenario } from './scenarios/demo';
import { startSandbox } from './server';

// Started by scripts/start.sh beside the portal; the demo app-config points here.
const port = Number(process.env.ML_SANDBOX_PORT ?? 7010);

startSandbox({ scenario: demoScenario, port })
  .then(sandbox => {
    process.stdout.write(
      `ML Platform sandbox upstreams listening on ${sandbox.url}\n`,
    );
    const stop = () => sandbox.close().finally(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })
  .catch(error => {
    process.stderr.write(`sandbox failed to start: ${error}\n`);
    process.exit(1);
  });

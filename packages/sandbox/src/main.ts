import { demoScenario } from './scenarios/demo';
import { Fault, parseFaultList } from './faults';
import { startSandbox } from './server';

// Started by scripts/start.sh beside the portal; the demo app-config points here.
// Faults at start: `--fault k8s:ml-dev=timeout --fault cost=429:30` and/or
// ML_SANDBOX_FAULTS=k8s:ml-dev=timeout,cost=429:30 (see faults/faultSpec.ts).
const port = Number(process.env.ML_SANDBOX_PORT ?? 7010);

function startupFaults(): Fault[] {
  const args = process.argv.slice(2);
  const specs = [process.env.ML_SANDBOX_FAULTS ?? ''];
  args.forEach((arg, i) => {
    if (arg === '--fault' && args[i + 1]) specs.push(args[i + 1]);
    else if (arg.startsWith('--fault=')) specs.push(arg.slice(8));
  });
  return specs.flatMap(parseFaultList);
}

Promise.resolve()
  .then(() =>
    startSandbox({ scenario: demoScenario, port, faults: startupFaults() }),
  )
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

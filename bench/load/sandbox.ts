import { demoScenario, startSandbox } from '@internal/ml-platform-sandbox';

// Child process: the demo sandbox, so its work never counts as the backend's
// or the load generator's.
startSandbox({ scenario: demoScenario }).then(sandbox => {
  process.send?.({ kind: 'result', url: sandbox.url });
});

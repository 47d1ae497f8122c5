import { scaleScenario, startSandbox } from '@internal/ml-platform-sandbox';

// Child process: the scale sandbox, so its memory never counts as the backend's.
const nodes = Number(process.env.BENCH_NODES ?? 5000);
const pods = Number(process.env.BENCH_PODS ?? 100000);
startSandbox({ scenario: scaleScenario({ nodes, pods }) }).then(sandbox => {
  process.send?.({
    kind: 'result',
    url: sandbox.url,
  });
});

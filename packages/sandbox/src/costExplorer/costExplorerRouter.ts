import express from 'express';
import { EnvironmentScenario } from '../scenarios/types';
import { awsError } from './awsError';
import { getCostAndUsage } from './costAndUsage';
import { getCostForecast } from './costForecast';

/**
 * Cost Explorer's JSON 1.1 protocol: POST / with X-Amz-Target naming the
 * operation, as the AWS SDK sends it through an endpoint override. The
 * signature is accepted and not checked.
 *
 * Test knobs under /_sandbox: `POST /_sandbox/throttle?count=N` makes the next
 * N calls fail with ThrottlingException; `GET /_sandbox/stats` counts calls.
 */
export function costExplorerRouter(
  environments: EnvironmentScenario[],
): express.Router {
  const router = express.Router();
  const costs = environments.flatMap(e => (e.cost ? [e.cost] : []));
  const state = { throttleNext: 0, requests: 0, throttled: 0 };

  router.post('/_sandbox/throttle', (req, res) => {
    const count = Number(req.query.count ?? 1);
    if (!Number.isInteger(count) || count < 0 || count > 100) {
      res.status(400).json({ message: 'count must be an integer 0..100' });
      return;
    }
    state.throttleNext = count;
    res.json({ throttleNext: count });
  });
  router.get('/_sandbox/stats', (_req, res) => {
    res.json({ requests: state.requests, throttled: state.throttled });
  });

  router.use(
    express.json({ type: ['application/x-amz-json-1.1', 'application/json'] }),
  );

  router.post('/', (req, res) => {
    state.requests += 1;
    if (state.throttleNext > 0) {
      state.throttleNext -= 1;
      state.throttled += 1;
      awsError(res, 400, 'ThrottlingException', 'Rate exceeded');
      return;
    }
    const target = req.header('x-amz-target');
    switch (target) {
      case 'AWSInsightsIndexService.GetCostAndUsage':
        getCostAndUsage(req.body, costs, res);
        return;
      case 'AWSInsightsIndexService.GetCostForecast':
        getCostForecast(req.body, costs, res);
        return;
      default:
        awsError(
          res,
          400,
          'UnknownOperationException',
          `Unknown operation ${target}`,
        );
    }
  });
  return router;
}

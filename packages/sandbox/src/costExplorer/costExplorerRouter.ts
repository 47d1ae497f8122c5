import express from 'express';
import { decodePageToken, encodePageToken, pageBounds } from '../pagination';
import { CostScenario, EnvironmentScenario } from '../scenarios/types';

const DAY_MS = 86_400_000;
const DAYS_PER_PAGE = 14;

function awsError(
  res: express.Response,
  status: number,
  type: string,
  message: string,
) {
  res.status(status).json({ __type: type, message });
}

/** A deterministic daily wobble, so trends look real and tests stay exact. */
function dailyAmount(base: number, day: number, service: string): number {
  const phase = service.length % 7;
  return (
    Math.round(base * (1 + 0.12 * Math.sin((day + phase) / 3)) * 100) / 100
  );
}

function parseDate(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return undefined;
  }
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

function getCostAndUsage(
  body: any,
  costs: CostScenario[],
  res: express.Response,
) {
  const start = parseDate(body?.TimePeriod?.Start);
  const end = parseDate(body?.TimePeriod?.End);
  if (start === undefined || end === undefined || end <= start) {
    awsError(
      res,
      400,
      'ValidationException',
      'Start date must be before end date (yyyy-MM-dd)',
    );
    return;
  }
  if (body.Granularity !== 'DAILY') {
    awsError(
      res,
      400,
      'ValidationException',
      'The sandbox serves DAILY granularity only',
    );
    return;
  }
  const tags = body.Filter?.Tags;
  const matching = costs.filter(
    c =>
      !tags ||
      (tags.Key === c.tagKey && (tags.Values ?? []).includes(c.tagValue)),
  );
  const days = Math.round((end - start) / DAY_MS);
  const offset = decodePageToken(body.NextPageToken);
  if (offset === undefined) {
    awsError(
      res,
      400,
      'InvalidNextTokenException',
      'The pagination token is invalid',
    );
    return;
  }
  const page = pageBounds(offset, DAYS_PER_PAGE, days);
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const metric = (body.Metrics ?? ['UnblendedCost'])[0];
  const results = [];
  for (let d = page.start; d < page.end; d++) {
    const dayStart = start + d * DAY_MS;
    const dayIndex = Math.round(dayStart / DAY_MS);
    const amounts = new Map<string, number>();
    for (const cost of matching) {
      for (const [service, base] of Object.entries(cost.dailyByService)) {
        amounts.set(
          service,
          (amounts.get(service) ?? 0) + dailyAmount(base, dayIndex, service),
        );
      }
    }
    results.push({
      TimePeriod: {
        Start: new Date(dayStart).toISOString().slice(0, 10),
        End: new Date(dayStart + DAY_MS).toISOString().slice(0, 10),
      },
      Total: {},
      Groups: [...amounts].map(([service, amount]) => ({
        Keys: [service],
        Metrics: { [metric]: { Amount: amount.toFixed(10), Unit: 'USD' } },
      })),
      // Cost Explorer marks the last couple of days as still changing.
      Estimated: dayStart >= today - 2 * DAY_MS,
    });
  }
  res.json({
    GroupDefinitions: body.GroupBy ?? [],
    ResultsByTime: results,
    DimensionValueAttributes: [],
    ...(page.next !== undefined && {
      NextPageToken: encodePageToken(page.next),
    }),
  });
}

/**
 * Cost Explorer's JSON 1.1 protocol: POST / with X-Amz-Target naming the
 * operation, as the AWS SDK sends it through an endpoint override.
 */
export function costExplorerRouter(
  environments: EnvironmentScenario[],
): express.Router {
  const router = express.Router();
  const costs = environments.flatMap(e => (e.cost ? [e.cost] : []));
  router.use(
    express.json({ type: ['application/x-amz-json-1.1', 'application/json'] }),
  );

  router.post('/', (req, res) => {
    const target = req.header('x-amz-target');
    switch (target) {
      case 'AWSInsightsIndexService.GetCostAndUsage':
        getCostAndUsage(req.body, costs, res);
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

import express from 'express';
import { decodePageToken, encodePageToken, pageBounds } from '../pagination';
import { CostScenario } from '../scenarios/types';
import { awsError } from './awsError';
import { DAY_MS, dayAmounts, isoDay, parseDate } from './costModel';

const DAYS_PER_PAGE = 14;
const GROUP_KEYS = ['SERVICE', 'INSTANCE_TYPE'] as const;

export function getCostAndUsage(
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
  const groupKey = body.GroupBy?.[0]?.Key ?? 'SERVICE';
  if (!GROUP_KEYS.includes(groupKey)) {
    awsError(
      res,
      400,
      'ValidationException',
      `The sandbox groups by ${GROUP_KEYS.join(' or ')} only`,
    );
    return;
  }
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
    // Cost Explorer has no data for the future.
    if (dayStart <= today) {
      for (const cost of costs) {
        for (const [key, amount] of dayAmounts(
          cost,
          dayIndex,
          groupKey,
          body.Filter,
        )) {
          amounts.set(key, (amounts.get(key) ?? 0) + amount);
        }
      }
    }
    results.push({
      TimePeriod: { Start: isoDay(dayStart), End: isoDay(dayStart + DAY_MS) },
      Total: {},
      Groups: [...amounts].map(([key, amount]) => ({
        Keys: [key],
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

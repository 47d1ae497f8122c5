import express from 'express';
import { CostScenario } from '../scenarios/types';
import { awsError } from './awsError';
import { DAY_MS, dayAmounts, isoDay, parseDate } from './costModel';

/**
 * GetCostForecast: the scenario's expected spend over the period, with an 80%
 * prediction interval that widens with the number of days forecast.
 */
export function getCostForecast(
  body: any,
  costs: CostScenario[],
  res: express.Response,
) {
  const start = parseDate(body?.TimePeriod?.Start);
  const end = parseDate(body?.TimePeriod?.End);
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  if (start === undefined || end === undefined || end <= start) {
    awsError(
      res,
      400,
      'ValidationException',
      'Start date must be before end date (yyyy-MM-dd)',
    );
    return;
  }
  if (start < today) {
    awsError(
      res,
      400,
      'ValidationException',
      'Start date must be equal to or no later than the current date',
    );
    return;
  }
  if (!body.Metric || !body.Granularity) {
    awsError(
      res,
      400,
      'ValidationException',
      'Metric and Granularity are required',
    );
    return;
  }
  let mean = 0;
  for (let day = start; day < end; day += DAY_MS) {
    for (const cost of costs) {
      for (const amount of dayAmounts(
        cost,
        Math.round(day / DAY_MS),
        'SERVICE',
        body.Filter,
      ).values()) {
        mean += amount;
      }
    }
  }
  const days = Math.round((end - start) / DAY_MS);
  const spread = mean * Math.min(0.3, 0.02 * Math.sqrt(days) + 0.03);
  const money = (n: number) => n.toFixed(10);
  res.json({
    Total: { Amount: money(mean), Unit: 'USD' },
    ForecastResultsByTime: [
      {
        TimePeriod: { Start: isoDay(start), End: isoDay(end) },
        MeanValue: money(mean),
        PredictionIntervalLowerBound: money(mean - spread),
        PredictionIntervalUpperBound: money(mean + spread),
      },
    ],
  });
}

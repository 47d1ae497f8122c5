import { EnvironmentCost } from '@internal/backstage-plugin-ml-platform-common';

const cell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per environment and day, plus the month's headline figures. */
export function costsToCsv(items: EnvironmentCost[]): string {
  const header = [
    'environment',
    'date',
    'amount',
    'currency',
    'monthToDate',
    'forecastMean',
    'forecastLower',
    'forecastUpper',
    'monthlyBudget',
    'budgetUsedRatio',
    'idleGpuCost',
    'monthlyEstimate',
  ];
  const rows = items.flatMap(item =>
    item.daily.map(day => [
      item.environment,
      day.date,
      day.amount,
      item.currency,
      item.monthToDate,
      item.forecast?.mean,
      item.forecast?.lower,
      item.forecast?.upper,
      item.monthlyBudget,
      item.budgetUsedRatio,
      item.idleGpu?.cost,
      item.estimate?.monthly,
    ]),
  );
  return [header, ...rows].map(row => row.map(cell).join(',')).join('\n');
}

export function downloadCsv(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

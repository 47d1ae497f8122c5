import { EnvironmentCost } from '@internal/backstage-plugin-ml-platform-common';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoney } from '../costFormat';

const COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
];

/** Daily spend per environment, stacked. */
export const DailySpendChart = ({ items }: { items: EnvironmentCost[] }) => {
  const byDate = new Map<string, Record<string, number | string>>();
  for (const item of items) {
    for (const day of item.daily) {
      const row = byDate.get(day.date) ?? { date: day.date };
      row[item.environment] = day.amount;
      byDate.set(day.date, row);
    }
  }
  const data = [...byDate.values()].sort((a, b) =>
    String(a.date).localeCompare(String(b.date)),
  );
  const currency = items[0]?.currency ?? 'USD';
  return (
    <ResponsiveContainer width="100%" height={300}>
      <AreaChart data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" />
        <YAxis tickFormatter={(v: number) => formatMoney(v, currency)} />
        <Tooltip formatter={(v: number) => formatMoney(v, currency)} />
        <Legend />
        {items.map((item, i) => (
          <Area
            key={item.environment}
            type="monotone"
            dataKey={item.environment}
            name={item.title}
            stackId="spend"
            stroke={COLORS[i % COLORS.length]}
            fill={COLORS[i % COLORS.length]}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
};

/** Services across all environments over the period, biggest first. */
export function topServices(items: EnvironmentCost[], top = 8) {
  const totals = new Map<string, number>();
  for (const item of items) {
    for (const s of item.byService) {
      totals.set(s.service, (totals.get(s.service) ?? 0) + s.amount);
    }
  }
  return [...totals]
    .map(([service, amount]) => ({
      service,
      amount: Math.round(amount * 100) / 100,
    }))
    .sort((a, b) => b.amount - a.amount)
    .slice(0, top);
}

export const TopServicesChart = ({ items }: { items: EnvironmentCost[] }) => {
  const currency = items[0]?.currency ?? 'USD';
  const data = topServices(items);
  return (
    <ResponsiveContainer width="100%" height={40 + data.length * 36}>
      <BarChart data={data} layout="vertical" margin={{ left: 180 }}>
        <XAxis
          type="number"
          tickFormatter={(v: number) => formatMoney(v, currency)}
        />
        <YAxis type="category" dataKey="service" width={260} />
        <Tooltip formatter={(v: number) => formatMoney(v, currency)} />
        <Bar dataKey="amount" name="Spend" fill={COLORS[0]} />
      </BarChart>
    </ResponsiveContainer>
  );
};

import { render, screen } from '@testing-library/react';
import { SpendCell } from './SpendCell';

const withCost = (cost: object) =>
  ({
    loading: false,
    value: {
      name: 'ml-prod',
      title: 'Production',
      tier: 'prod',
      owner: 'group:default/ml-platform',
      sources: { cost },
    },
  } as any);

describe('SpendCell', () => {
  it('shows month to date in the data currency and the budget share', () => {
    render(
      <SpendCell
        state={withCost({
          status: 'ok',
          stale: false,
          currency: 'EUR',
          monthToDate: 4321.4,
          budgetUsedRatio: 1.08,
        })}
      />,
    );
    expect(screen.getByTestId('spend-mtd')).toHaveTextContent('€4,321');
    expect(screen.getByText('108% of budget')).toBeInTheDocument();
  });

  it('says restricted when the caller may not see spend', () => {
    render(<SpendCell state={withCost({ status: 'ok', stale: false })} />);
    expect(screen.getByText('restricted')).toBeInTheDocument();
  });

  it('shows a dash without a cost source and unavailable on error', () => {
    const { rerender } = render(
      <SpendCell
        state={withCost({ status: 'not-configured', stale: false })}
      />,
    );
    expect(screen.getByText('—')).toBeInTheDocument();
    rerender(
      <SpendCell
        state={withCost({ status: 'error', stale: false, message: 'x' })}
      />,
    );
    expect(screen.getByText('unavailable')).toBeInTheDocument();
  });
});

import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { mlPlatformApiRef } from '../../api';
import {
  exampleModelsEnvelope,
  exampleModelSummary,
} from '../ModelsCard/exampleModels';
import { PromotionView } from './PromotionView';

jest.setTimeout(30_000);

const env = (name: string, tier: 'local' | 'dev' | 'staging' | 'prod') => ({
  name,
  title: name.toUpperCase(),
  tier,
  owner: 'group:default/ml-platform',
});

describe('PromotionView', () => {
  it('shows the deployed version per environment in tier order, highlighting drift', async () => {
    const [forecaster, fraud] = exampleModelSummary.models;
    const getModels = async (name: string) => {
      if (name === 'ml-dev') {
        return exampleModelsEnvelope(name, {
          ...exampleModelSummary,
          models: [
            { ...fraud, deployedVersion: '7', targetVersion: '7', drift: [] },
          ],
        });
      }
      if (name === 'ml-local') {
        return exampleModelsEnvelope(name, {
          ...exampleModelSummary,
          configured: false,
          models: [],
        });
      }
      return exampleModelsEnvelope(name, {
        ...exampleModelSummary,
        models: [forecaster, fraud],
      });
    };
    await renderInTestApp(
      <TestApiProvider apis={[[mlPlatformApiRef, { getModels }]]}>
        <PromotionView
          environments={[
            env('ml-prod', 'prod'),
            env('ml-local', 'local'),
            env('ml-dev', 'dev'),
          ]}
        />
      </TestApiProvider>,
    );

    const prodFraud = await screen.findByTestId(
      'promotion-fraud-detector-ml-prod',
    );
    expect(prodFraud).toHaveTextContent('v4');
    expect(prodFraud).toHaveAttribute('data-drift', 'false');
    expect(
      screen.getByTestId('promotion-fraud-detector-ml-dev'),
    ).toHaveTextContent('v7');

    const prodForecaster = screen.getByTestId(
      'promotion-demand-forecaster-ml-prod',
    );
    expect(prodForecaster).toHaveTextContent('v1should run v2');
    expect(prodForecaster).toHaveAttribute('data-drift', 'true');
    expect(
      screen.getByTestId('promotion-demand-forecaster-ml-dev'),
    ).toHaveTextContent('not registered');
    expect(
      screen.getByTestId('promotion-demand-forecaster-ml-local'),
    ).toHaveTextContent('MLflow not configured');

    const headers = screen.getAllByRole('columnheader').map(h => h.textContent);
    expect(headers).toEqual([
      'Model',
      'ml-local · local',
      'ml-dev · dev',
      'ml-prod · prod',
    ]);
  });
});

import { createRouteRef } from '@backstage/core-plugin-api';

export const rootRouteRef = createRouteRef({ id: 'ml-platform' });

export const costsRouteRef = createRouteRef({ id: 'ml-platform-costs' });

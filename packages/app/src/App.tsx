import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import mlPlatformPlugin from '@internal/backstage-plugin-ml-platform/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

export default createApp({
  features: [
    catalogPlugin,
    mlPlatformPlugin,
    navModule,
    homeModule,
    signInModule,
  ],
});

import Chip from '@material-ui/core/Chip';
import { EnvironmentTier } from '@internal/backstage-plugin-ml-platform-common';

const colors: Record<EnvironmentTier, 'default' | 'primary' | 'secondary'> = {
  local: 'default',
  dev: 'default',
  staging: 'primary',
  prod: 'secondary',
};

export const TierChip = ({ tier }: { tier: EnvironmentTier }) => (
  <Chip size="small" label={tier} color={colors[tier]} />
);

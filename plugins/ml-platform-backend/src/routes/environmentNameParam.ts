import { InputError } from '@backstage/errors';
import { ENVIRONMENT_NAME_PATTERN } from '@internal/backstage-plugin-ml-platform-common';
import express from 'express';

/** `router.param('name', ...)`: a 400 for anything that is not a DNS label. */
export function environmentNameParam(
  _req: express.Request,
  _res: express.Response,
  next: express.NextFunction,
  name: string,
) {
  if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
    throw new InputError(
      `Invalid environment name '${name.slice(0, 64)}': expected a DNS label`,
    );
  }
  next();
}

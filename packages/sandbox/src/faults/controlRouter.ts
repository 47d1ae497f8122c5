import express from 'express';
import { z } from 'zod';
import { faultSchema, UPSTREAMS } from './faultSpec';
import { FaultState } from './faultState';

const clearQuery = z
  .object({
    upstream: z.enum(UPSTREAMS).optional(),
    environment: z.string().min(1).optional(),
  })
  .strict()
  .refine(q => !q.environment || q.upstream, {
    message: 'environment needs an upstream',
  });

function badRequest(res: express.Response, error: z.ZodError) {
  res.status(400).json({
    message: error.issues
      .map(i =>
        i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message,
      )
      .join('; '),
  });
}

/**
 * Test and demo controls, mounted at /_sandbox:
 * - GET /faults lists the faults on; POST /faults sets one
 *   ({upstream, environment?, mode, delayMs?, retryAfterSeconds?});
 *   DELETE /faults[?upstream=&environment=] switches one or all off.
 * - GET /requests counts the calls each upstream got, by environment;
 *   DELETE /requests sets the counts to zero.
 */
export function controlRouter(state: FaultState): express.Router {
  const router = express.Router();
  router.use(express.json());

  router.get('/faults', (_req, res) => {
    res.json({ faults: state.list() });
  });
  router.post('/faults', (req, res) => {
    const parsed = faultSchema.safeParse(req.body);
    if (!parsed.success) {
      badRequest(res, parsed.error);
      return;
    }
    state.set(parsed.data);
    res.json({ faults: state.list() });
  });
  router.delete('/faults', (req, res) => {
    const parsed = clearQuery.safeParse(req.query);
    if (!parsed.success) {
      badRequest(res, parsed.error);
      return;
    }
    state.clear(parsed.data.upstream, parsed.data.environment);
    res.json({ faults: state.list() });
  });

  router.get('/requests', (_req, res) => {
    res.json(state.requests());
  });
  router.delete('/requests', (_req, res) => {
    state.resetRequests();
    res.json(state.requests());
  });
  // A body that is not JSON: 400 with a message, not express's HTML page.
  router.use(
    (
      error: Error & { status?: number },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res.status(error.status ?? 400).json({ message: error.message });
    },
  );
  return router;
}

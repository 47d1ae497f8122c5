import express from 'express';
import {
  DEFAULT_RETRY_AFTER_SECONDS,
  DEFAULT_SLOW_DELAY_MS,
  Fault,
  Upstream,
} from './faultSpec';
import { FaultState } from './faultState';

type ErrorKind = 'internal' | 'throttled';

/** Each upstream's own error JSON, as its real clients parse it. */
function sendError(
  res: express.Response,
  upstream: Upstream,
  kind: ErrorKind,
  retryAfterSeconds: number,
) {
  const code = kind === 'internal' ? 500 : 429;
  const message =
    kind === 'internal'
      ? 'sandbox fault: internal error'
      : `sandbox fault: too many requests, retry after ${retryAfterSeconds} s`;
  if (kind === 'throttled') {
    res.setHeader('Retry-After', String(retryAfterSeconds));
  }
  res.status(code);
  switch (upstream) {
    case 'k8s':
      res.json({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message,
        reason: kind === 'internal' ? 'InternalError' : 'TooManyRequests',
        ...(kind === 'throttled' && { details: { retryAfterSeconds } }),
        code,
      });
      return;
    case 'mlflow':
      res.json({
        error_code:
          kind === 'internal' ? 'INTERNAL_ERROR' : 'REQUEST_LIMIT_EXCEEDED',
        message,
      });
      return;
    default: {
      // AWS JSON 1.1: the SDK reads the error name from __type / x-amzn-ErrorType.
      const type =
        kind === 'internal' ? 'InternalServerException' : 'ThrottlingException';
      res.setHeader('x-amzn-ErrorType', type);
      res.type('application/x-amz-json-1.1');
      res.send(JSON.stringify({ __type: type, message }));
    }
  }
}

/** Lets the route build its real answer, then sends only the first half of it. */
function truncateAnswer(res: express.Response) {
  res.json = (body?: unknown) => {
    const text = JSON.stringify(body) ?? '';
    res.status(200).type('application/json');
    return res.send(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
  };
}

function apply(
  fault: Fault,
  upstream: Upstream,
  req: express.Request,
  res: express.Response,
  next: express.NextFunction,
) {
  switch (fault.mode) {
    case 'timeout':
      // Accept the request and never answer; the connection stays open.
      return;
    case 'reset':
      req.socket.destroy();
      return;
    case '500':
      sendError(res, upstream, 'internal', 0);
      return;
    case '429':
      sendError(
        res,
        upstream,
        'throttled',
        fault.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
      );
      return;
    case 'malformed':
      truncateAnswer(res);
      next();
      return;
    case 'slow': {
      const timer = setTimeout(next, fault.delayMs ?? DEFAULT_SLOW_DELAY_MS);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    default:
      next();
  }
}

/**
 * Middleware in front of one upstream's router: counts every call and applies
 * the fault switched on for it. `/_sandbox` knobs are neither counted nor faulted.
 */
export function injectFaults(
  state: FaultState,
  upstream: Upstream,
  environmentOf: (req: express.Request) => string | undefined,
): express.RequestHandler {
  return (req, res, next) => {
    if (req.path.startsWith('/_sandbox')) {
      next();
      return;
    }
    const environment = environmentOf(req);
    state.count(upstream, environment);
    const fault = state.faultFor(upstream, environment);
    if (!fault) {
      next();
      return;
    }
    apply(fault, upstream, req, res, next);
  };
}

import express from 'express';

/** The JSON 1.1 error shape the AWS SDK deserialises by `__type`. */
export function awsError(
  res: express.Response,
  status: number,
  type: string,
  message: string,
) {
  res.status(status).json({ __type: type, message });
}

/**
 * A paged list's `continue` token expired (410 Gone, reason Expired): the API
 * server compacted the revision the list started from. Kubernetes' advice is
 * to start the list again without a token; pages already read belong to the
 * old revision, so whoever folded them in must start over too.
 */
export class ListExpiredError extends Error {
  readonly name = 'ListExpiredError';

  constructor(path: string) {
    super(
      `Kubernetes list ${path} expired while being read (410 Gone); it has to start again`,
    );
  }
}

/** How many times a whole read starts again after expired lists. */
export const MAX_LIST_RESTARTS = 2;

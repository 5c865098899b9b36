// What marks a file as a Closer bundle, and the error every bundle check throws. Kept apart from
// the bundle's zod schema so that opening a bundle at start builds no schema.

export const BUNDLE_FORMAT = 'closer-bundle';
export const BUNDLE_VERSION = 1;

export class BundleError extends Error {
  override name = 'BundleError';
}

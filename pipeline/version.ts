/**
 * The pipeline's version: bump it whenever a rule changes what a document yields, so that
 * cached rows of an older version are not reused.
 */
export const pipelineVersion = '0.1.0';

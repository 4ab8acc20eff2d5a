/** The user's own data files (spike trains, time series) and how they enter a document. */
export * from './parse-result.ts';
export * from './spike-train.ts';
export * from './time-series.ts';
export * from './to-document.ts';

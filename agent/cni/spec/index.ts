// Public API of the CNI front end: pure parsing, validation and formatting; no I/O.

export * from './config.js';
export * from './env.js';
export * from './errors.js';
export * from './result.js';
export * from './runtime-config.js';
export * from './version.js';

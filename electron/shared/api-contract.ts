// The API contract's entry: the contract itself lives in ./api/ (one file per domain, assembled
// by ./api/index.ts); this module re-exports it so every face imports one path.

export * from './api/index';

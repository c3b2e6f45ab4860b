// bosun's library API.
export * from './template/value.ts';

export * from './ids';
export * from './errors';
export * from './result';
export { canonicalJson } from './canonicalJson';
export { sha256Hex, hashJson } from './hash';
export { type Clock, type TimerHandle, systemClock } from './clock';
export { FakeClock } from './fakeClock';

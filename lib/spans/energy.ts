import { SPAN_KINDS, type Energy, type Span, type SpanKind } from './types';

/** Some of an energy's parts; a missing or undefined part counts as zero. */
export type EnergyParts = { readonly [K in keyof Energy]?: number | undefined };

/** No energy at all. */
export const ZERO_ENERGY: Energy = Object.freeze({ cpuMs: 0, tokensIn: 0, tokensOut: 0, bytes: 0 });

/** The sum of two energies. */
export function addEnergy(a: Energy, b: Energy): Energy {
  return {
    cpuMs: a.cpuMs + b.cpuMs,
    tokensIn: a.tokensIn + b.tokensIn,
    tokensOut: a.tokensOut + b.tokensOut,
    bytes: a.bytes + b.bytes,
  };
}

/**
 * The total energy of spans or of plain energies.
 * @example sumEnergy(trace.spans).tokensOut
 */
export function sumEnergy(items: Iterable<Energy | Pick<Span, 'energy'>>): Energy {
  let total = ZERO_ENERGY;
  for (const item of items) total = addEnergy(total, 'energy' in item ? item.energy : item);
  return total;
}

/**
 * A full `Energy` from the parts that are known; the rest are zero.
 * @example energyOf({ tokensIn: 120 }) // { cpuMs: 0, tokensIn: 120, tokensOut: 0, bytes: 0 }
 */
export function energyOf(partial: EnergyParts): Energy {
  return { ...ZERO_ENERGY, ...stripUndefined(partial) };
}

/** The total energy of spans, per span kind (every kind present, zero when unused). */
export function energyByKind(spans: Iterable<Pick<Span, 'kind' | 'energy'>>): Record<SpanKind, Energy> {
  const totals = Object.fromEntries(SPAN_KINDS.map((k) => [k, ZERO_ENERGY])) as Record<SpanKind, Energy>;
  for (const span of spans) totals[span.kind] = addEnergy(totals[span.kind], span.energy);
  return totals;
}

// `{ cpuMs: undefined }` must not overwrite the zero.
function stripUndefined(partial: EnergyParts): Partial<Energy> {
  return Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
}

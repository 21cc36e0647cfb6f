import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, plural, summarizeTypedArray } from './formatValue';

describe('formatNumber', () => {
  it('groups integers and rounds the rest to six significant digits', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-42)).toBe('-42');
    expect(formatNumber(Math.PI)).toBe('3.14159');
    expect(formatNumber(12345.678901)).toBe('12,345.7');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(-0)).toBe('0');
  });

  it('uses exponents for the very small and very large, and names the non-finite', () => {
    expect(formatNumber(0.000012345)).toBe('1.2345e-5');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(6.02214076e23)).toBe('6.02214e23');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });
});

describe('sizes and counts', () => {
  it('formats bytes and plurals', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MiB');
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(100000, 'row')).toBe('100,000 rows');
    expect(plural(2, 'vertex', 'vertices')).toBe('2 vertices');
  });

  it('summarises typed arrays by type, length and first values', () => {
    expect(summarizeTypedArray(new Float32Array([0.5, 1, 2]))).toBe('Float32Array(3) [0.5, 1, 2]');
    expect(summarizeTypedArray(new Uint8Array(1024).fill(7), 3)).toBe('Uint8Array(1,024) [7, 7, 7, …]');
    expect(summarizeTypedArray(new Float32Array([0.1]))).toBe('Float32Array(1) [0.1]');
    expect(summarizeTypedArray(new BigInt64Array([5n]))).toBe('BigInt64Array(1) [5n]');
  });
});

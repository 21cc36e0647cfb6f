/**
 * A spice skill's code is a netlist template: every `{{name}}` is replaced by the input of that
 * name before ngspice reads it. Values are written the way SPICE reads them, and a value can never
 * add a line to the netlist (that would let an input inject elements or dot-commands).
 */
import { WeftError } from '../../core';

/** `{{R}}` or `{{ R }}`: a placeholder for the input named R. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The names of the placeholders in `template`, in order of first use. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/**
 * Fills every `{{name}}` of `template` from `inputs`; throws RUNTIME_INPUT_INVALID naming each
 * placeholder without an input, or the input whose value SPICE cannot take.
 * @example fillNetlist('C1 out 0 {{C}}', { C: 1e-7 }) === 'C1 out 0 1e-7'
 */
export function fillNetlist(template: string, inputs: Readonly<Record<string, unknown>>): string {
  const names = placeholderNames(template);
  const missing = names.filter((name) => !Object.prototype.hasOwnProperty.call(inputs, name) || inputs[name] === undefined);
  if (missing.length > 0) {
    const given = Object.keys(inputs);
    const list = missing.map((name) => `{{${name}}}`).join(', ');
    throw new WeftError(
      'RUNTIME_INPUT_INVALID',
      `The netlist uses ${list}, but there is no input named ${missing.join(', ')} (inputs given: ${given.length > 0 ? given.join(', ') : 'none'}). Add the input to the skill, or remove the placeholder.`,
      { missing, inputs: given },
    );
  }
  const values = new Map(names.map((name) => [name, spiceValue(name, inputs[name])]));
  return template.replace(PLACEHOLDER, (_, name: string) => values.get(name)!);
}

/** A number as SPICE reads it (`1e-7`, `0.00001`, `-3`), or a string as it is (one line only). */
export function spiceValue(name: string, value: unknown): string {
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw invalid(name, `is ${value}; SPICE needs a finite number`, String(value));
      // String() never uses locale separators and keeps SPICE-readable exponents (1e-7, 1e+21).
      return String(value);
    case 'bigint':
      return value.toString();
    case 'string':
      if (/[\r\n\u2028\u2029\0]/.test(value)) throw invalid(name, 'contains a line break; a value must stay on its line, so an input cannot add lines to the netlist', 'line break');
      return value;
    case 'boolean':
      throw invalid(name, `is ${value}; SPICE has no true/false, so use a number (1 or 0)`, 'boolean');
    default: {
      const found = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
      throw invalid(name, `is ${found}; a netlist placeholder takes a number or a string`, found);
    }
  }
}

function invalid(name: string, what: string, found: string): WeftError {
  return new WeftError('RUNTIME_INPUT_INVALID', `The input ${name} ${what}.`, { input: name, found });
}

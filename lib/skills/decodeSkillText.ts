import { err, ok, type Result } from '../core';
import { skillProblem } from './skillProblems';
import type { SkillProblem } from './types';

/** The largest SKILL.md Weft reads: 1 MiB. Data belongs in the skill's `assets/` folder. */
export const MAX_SKILL_BYTES = 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * SKILL.md bytes or text as the text the parser reads: size checked first (so a huge file is
 * refused without being scanned), UTF-8 decoded strictly, a leading BOM dropped and CRLF turned
 * into LF (line numbers stay the same).
 */
export function decodeSkillText(input: string | Uint8Array): Result<string, SkillProblem> {
  const size = typeof input === 'string' ? utf8Length(input) : input.length;
  if (size > MAX_SKILL_BYTES) {
    const mb = (size / 1048576).toFixed(1);
    return err(skillProblem('SKILL_TOO_LARGE', null, null, `This SKILL.md is ${typeof input === 'string' && input.length > MAX_SKILL_BYTES ? 'at least ' : ''}${mb} MiB; a SKILL.md may be at most 1 MiB. Move large data or code into files in the skill's assets/ or scripts/ folder.`));
  }
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = decoder.decode(input);
    } catch {
      const at = firstInvalidUtf8(input);
      const line = at === null ? null : lineOfByte(input, at);
      return err(skillProblem('SKILL_ENCODING', null, line, `This SKILL.md is not valid UTF-8${at === null ? '' : ` (byte ${at} on line ${line} cannot be read)`}. Save it as UTF-8 in your editor and try again.`));
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return ok(text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text);
}

/** UTF-8 length of a string; stops counting once past the limit (a long string is too large anyway). */
function utf8Length(s: string): number {
  if (s.length > MAX_SKILL_BYTES) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or null if none. */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return null;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

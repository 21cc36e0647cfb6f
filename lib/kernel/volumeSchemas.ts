/**
 * Argument shapes of the volume, skill, workflow, trace and settings syscalls. Only types and
 * sizes are checked here; names, paths and ids are checked by lib/volumes, whose errors say
 * exactly which rule was broken (SKILL_NAME_INVALID, VOLUME_PATH_INVALID…).
 */
import * as z from 'zod';

const text = (max: number) => z.string().max(max);
const volume = text(200);
const name = text(200);
const path = text(1024);
const oid = z.string().regex(/^[0-9a-f]{4,40}$/, 'must be a commit id (hex)');
/** File bytes (structured clone keeps a Uint8Array a Uint8Array across the worker boundary). */
const bytes = (max: number) =>
  z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.byteLength <= max, { error: (iss) => (iss.input instanceof Uint8Array ? `a file may be at most ${Math.round(max / 1_000_000)} MB` : 'must be text or a Uint8Array of bytes') });
const call = <O extends string, S extends z.ZodRawShape>(op: O, shape: S) => z.strictObject({ op: z.literal(op), ...shape });

export const volumeSchemas = {
  'volume.list': call('volume.list', {}),
  'volume.create': call('volume.create', { team: name, title: text(200).optional(), url: text(2048).optional(), token: text(4096).optional() }),
  'volume.setRemote': call('volume.setRemote', { volume, url: text(2048).nullable(), token: text(4096).nullable().optional() }),
  'volume.sync': call('volume.sync', { volume }),
  'volume.read': call('volume.read', { volume, path, at: oid.optional() }),
  'volume.readBytes': call('volume.readBytes', { volume, path, at: oid.optional() }),
  'volume.files': call('volume.files', { volume, dir: path.optional() }),
  'volume.log': call('volume.log', { volume, path: path.optional(), limit: z.number().int().min(1).max(1000).optional(), skip: z.number().int().min(0).max(1_000_000).optional(), from: oid.optional() }),
  'volume.diff': call('volume.diff', { volume, path, from: oid.nullable(), to: oid }),
  'volume.restore': call('volume.restore', { volume, path, at: oid }),
  'volume.write': call('volume.write', { volume, path, content: z.union([z.string().max(64 * 1024 * 1024), bytes(64 * 1024 * 1024)]), message: z.string().min(1).max(500).optional() }),
  'volume.conflicts': call('volume.conflicts', { volume }),
  'volume.check': call('volume.check', { volume }),
  'volume.resolve': call('volume.resolve', { volume, theirs: path, choice: z.enum(['mine', 'theirs', 'both']) }),
  'skill.list': call('skill.list', {}),
  'skill.read': call('skill.read', { name, volume: volume.optional() }),
  'skill.write': call('skill.write', { name, content: text(1_000_000), allowInvalid: z.boolean().optional(), create: z.boolean().optional() }),
  'skills.search': call('skills.search', { query: text(500), limit: z.number().int().min(1).max(200).optional() }),
  'skills.context': call('skills.context', { query: text(4000), tokenBudget: z.number().int().min(1).max(1_000_000) }),
  'skill.import': call('skill.import', { files: z.array(z.strictObject({ path: text(1024), content: z.union([text(5_000_000), bytes(5_000_000)]) })).min(1).max(5000) }),
  'skill.delete': call('skill.delete', { name }),
  'skill.promote': call('skill.promote', { name, team: name, reason: text(2000) }),
  'workflow.list': call('workflow.list', { volume: volume.optional() }),
  'workflow.read': call('workflow.read', { name, volume: volume.optional() }),
  'workflow.write': call('workflow.write', { name, workflow: z.record(z.string(), z.unknown()) }),
  'workflow.delete': call('workflow.delete', { name }),
  'trace.append': call('trace.append', { trace: z.record(z.string(), z.unknown()), message: text(500).optional() }),
  'settings.get': call('settings.get', {}),
  'settings.setAuthor': call('settings.setAuthor', { name: text(200), email: text(320) }),
} as const;

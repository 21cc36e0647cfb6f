/**
 * One error class for everything Weft reports to a person. `code` is stable (tests and the UI
 * switch on it), `message` says what happened and what to do, `data` carries the details.
 * It survives `postMessage` as plain data: `toJSON()` there, `WeftError.from()` back.
 */
export const ERROR_CODES = [
  'SYSCALL_INVALID',
  'SYSCALL_DENIED',
  'SYSCALL_FAILED',
  'PROC_NOT_FOUND',
  'PROC_PROTECTED',
  'PROC_STATE',
  'BUDGET_EXHAUSTED',
  'BUS_NO_RECEIVER',
  'BUS_TIMEOUT',
  'POLICY_DENIED',
  'KERNEL_DEAD',
  'KERNEL_TIMEOUT',
  'CANONICAL_JSON',
  'TRACE_INVALID',
  'VOLUME_NOT_FOUND',
  'VOLUME_EXISTS',
  'VOLUME_READONLY',
  'VOLUME_PATH_INVALID',
  'VOLUME_FILE_NOT_FOUND',
  'VOLUME_CORRUPT',
  'COMMIT_NOT_FOUND',
  'SKILL_NAME_INVALID',
  'SKILL_PARSE',
  'SKILL_IMPORT',
  'SKILL_NOT_FOUND',
  'SKILL_EXISTS',
  'WORKFLOW_NAME_INVALID',
  'WORKFLOW_PARSE',
  'WORKFLOW_TOO_LARGE',
  'WORKFLOW_CYCLE',
  'WORKFLOW_INVALID',
  'NODE_SKIPPED',
  'NODE_NOT_CACHED',
  'REMOTE_URL_INVALID',
  'REMOTE_AUTH',
  'REMOTE_NOT_FOUND',
  'REMOTE_UNREACHABLE',
  'REMOTE_REJECTED',
  'SYNC_FAILED',
  'PROMOTE_INVALID',
  'GIT_PROXY_REFUSED',
  'RUNTIME_UNAVAILABLE',
  'RUNTIME_LOAD_FAILED',
  'RUNTIME_TIMEOUT',
  'RUNTIME_CANCELLED',
  'RUNTIME_CRASHED',
  'RUNTIME_MEMORY',
  'RUNTIME_SYNTAX',
  'RUNTIME_ERROR',
  'RUNTIME_EXECUTE_MISSING',
  'RUNTIME_OUTPUT_INVALID',
  'RUNTIME_INPUT_INVALID',
  'RUNTIME_PACKAGE_UNAVAILABLE',
  'RUNTIME_PERMISSION',
  'RUNTIME_BUSY',
  'SPICE_NETLIST',
  'LLM_NO_PROVIDER',
  'LLM_AUTH',
  'LLM_MODEL_NOT_FOUND',
  'LLM_RATE_LIMITED',
  'LLM_SERVER',
  'LLM_UNREACHABLE',
  'LLM_BAD_RESPONSE',
  'LLM_TIMEOUT',
  'LLM_CANCELLED',
  'LLM_TOOL',
  'LLM_CONTEXT_FULL',
  'LLM_MODEL_FILE',
  'PRECACHE_INVALID',
  'NETWORK_POLICY',
  'PERMISSION_DENIED',
  'INTERNAL',
] as const;

/** Codes known today; later areas add theirs here (SKILL_PARSE, WORKFLOW_CYCLE, VOLUME_READONLY…). */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The plain-data form of a `WeftError`, as it crosses worker boundaries. */
export interface WeftErrorData {
  readonly code: ErrorCode;
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

export class WeftError extends Error {
  readonly code: ErrorCode;
  readonly data: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, data: Record<string, unknown> = {}) {
    super(message);
    this.name = 'WeftError';
    this.code = code;
    this.data = data;
  }

  toJSON(): WeftErrorData {
    return { code: this.code, message: this.message, data: this.data };
  }

  /** Rebuilds a `WeftError` from its plain form; anything else becomes an `INTERNAL` error. */
  static from(value: unknown): WeftError {
    if (value instanceof WeftError) return value;
    if (isWeftErrorData(value)) return new WeftError(value.code, value.message, { ...value.data });
    if (value instanceof Error) {
      return new WeftError('INTERNAL', `Unexpected error: ${value.message}. This is a bug in Weft; please report it.`, {
        name: value.name,
        stack: value.stack,
      });
    }
    return new WeftError('INTERNAL', `Unexpected error: ${String(value)}. This is a bug in Weft; please report it.`);
  }
}

export function isWeftErrorData(value: unknown): value is WeftErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === 'string';
}

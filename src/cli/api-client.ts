import { ApiError, CliError } from './cli-errors.js';
import type { Connection } from './cli-config.js';
import { EXIT } from './exit-codes.js';

type Query = Record<string, string | number | boolean | undefined>;

interface RequestOptions {
  query?: Query;
  /** Sent as application/json. */
  json?: unknown;
  /** A raw body (a file stream for uploads) with its own Content-Type. */
  body?: RequestInit['body'];
  contentType?: string;
  headers?: Record<string, string>;
  /** Ordinary calls give up after this long; uploads and downloads pass `null` to wait as long as they run. */
  timeoutMs?: number | null;
  /** Send no token: the request authenticates itself (a signed alert, a PagerDuty routing key). */
  anonymous?: boolean;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** The API at `/api/v1` of one server, with one token; every refusal becomes an ApiError. */
export class ApiClient {
  constructor(private readonly connection: Connection) {}

  get<T>(path: string, query?: Query): Promise<T> {
    return this.call<T>('GET', path, query === undefined ? {} : { query });
  }

  post<T>(path: string, json?: unknown, options: Omit<RequestOptions, 'json'> = {}): Promise<T> {
    return this.call<T>('POST', path, json === undefined ? options : { ...options, json });
  }

  put<T>(path: string, json: unknown): Promise<T> {
    return this.call<T>('PUT', path, { json });
  }

  delete<T>(path: string): Promise<T> {
    return this.call<T>('DELETE', path);
  }

  /** A request whose answer is JSON (or empty: null). */
  async call<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const text = await (await this.request(method, path, options)).text();
    return (text === '' ? null : JSON.parse(text)) as T;
  }

  /** The checked response, for callers that stream or read headers; 4xx and 5xx throw. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const token = this.connection.token;
    if (token === undefined && options.anonymous !== true) {
      throw new CliError('no token: run `breachline login`, set BREACHLINE_TOKEN, or pass --token', EXIT.denied);
    }
    const url = new URL(`${this.connection.url}/api/v1${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.anonymous !== true) headers.Authorization = `Bearer ${token}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.contentType !== undefined) {
      headers['Content-Type'] = options.contentType;
    }
    const timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : options.timeoutMs;
    const init: RequestInit & { duplex?: 'half' } = { method, headers };
    if (body !== undefined) init.body = body;
    // A streamed body must be marked half-duplex for fetch to send it.
    if (body instanceof ReadableStream) init.duplex = 'half';
    if (timeoutMs !== null) init.signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      throw unreachable(this.connection.url, error);
    }
    if (response.ok) return response;
    throw await apiError(response);
  }
}

async function apiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let problem = null;
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    try {
      problem = JSON.parse(text);
    } catch {
      // not JSON after all: the status line says enough
    }
  }
  return new ApiError(response.status, problem, response.statusText || 'error');
}

/** Why a request never got an answer, in words a responder can act on. */
function unreachable(url: string, error: unknown): CliError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const name = (error as Error).name;
  let reason: string;
  if (name === 'TimeoutError' || name === 'AbortError') reason = 'no answer in time';
  else if (cause?.code === 'ECONNREFUSED') reason = 'connection refused';
  else if (cause?.code === 'ENOTFOUND') reason = 'unknown host';
  else reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return new CliError(`cannot reach ${url} (${reason}); is the server running? (set --url or BREACHLINE_URL)`, EXIT.unreachable);
}

import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { problem } from '../http/problem.js';
import type { TokenService } from '../tokens/token-service.js';
import { INTAKE_PATHS } from './intake-paths.js';
import type { AlertKind } from './normalized-alert.js';
import { parsePagerDuty, type PagerDutyEvent } from './normalize-pagerduty.js';
import { SIGNATURE_HEADER, verifySignature } from './source-credentials.js';
import type { AlertSource, SourceService } from './source-service.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const JSON_TYPE = /^application\/([\w.+-]+\+)?json\b/i;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** An admitted request: its source and JSON body (a PagerDuty body already parsed, since its key found the source). */
export type Admitted = { source: AlertSource; body: unknown; pagerduty: PagerDutyEvent | null };

/**
 * Admits an intake request or answers why not, in an order that leaks nothing: a bearer token, if
 * sent, must be a live `ingest` token (401/403); then the body must be JSON (415/400); then the
 * source must exist (400 to an authenticated caller, 401 otherwise) and the request must carry the
 * credential that source demands; then the source must be enabled and of this endpoint's kind.
 */
export async function admit(c: Context<AppEnv>, kind: AlertKind, tokens: TokenService, sources: SourceService, onSource: (name: string) => void): Promise<Admitted | Response> {
  const authorization = c.req.header('Authorization');
  let tokenOk = false;
  if (authorization !== undefined) {
    const match = BEARER.exec(authorization);
    const actor = match === null ? null : await tokens.authenticate(match[1]!);
    if (actor === null) {
      c.header('WWW-Authenticate', 'Bearer realm="breachline"');
      return problem(c, 401, 'unauthenticated', match === null ? 'send Authorization: Bearer <token>' : 'the token is unknown or revoked');
    }
    if (actor.kind !== 'token' || actor.role !== 'ingest') {
      return problem(c, 403, 'forbidden', `only ingest tokens may post alerts (this token's role: ${actor.kind === 'token' ? actor.role : actor.kind})`);
    }
    c.set('actor', actor);
    tokenOk = true;
  }

  const type = c.req.header('Content-Type') ?? '';
  if (!JSON_TYPE.test(type)) return problem(c, 415, 'unsupported-media-type', `send the body as application/json (got ${type === '' ? 'no Content-Type' : type})`);
  // The raw bytes, because the signature is over exactly what was sent.
  const raw = new Uint8Array(await c.req.arrayBuffer());
  let body: unknown;
  try {
    body = JSON.parse(decoder.decode(raw));
  } catch {
    return problem(c, 400, 'malformed-json', 'the body is not valid UTF-8 JSON');
  }

  let source: AlertSource | null;
  let pagerduty: PagerDutyEvent | null = null;
  if (kind === 'pagerduty') {
    pagerduty = parsePagerDuty(body);
    source = await sources.byRoutingKey(pagerduty.routing_key);
    if (source === null) return problem(c, 401, 'unauthenticated', 'routing_key: no alert source has this routing key');
  } else {
    const name = kind === 'generic' ? (body as { source?: unknown } | null)?.source : c.req.query('source');
    const where = kind === 'generic' ? 'source' : 'query parameter source';
    if (typeof name !== 'string' || name === '') {
      return problem(c, 400, 'validation', `${where} must name the alert source`, { errors: [{ path: 'source', message: 'is required' }] });
    }
    source = await sources.byName(name);
    if (source === null) {
      if (!tokenOk) return problem(c, 401, 'unauthenticated', 'unknown source or missing credentials');
      return problem(c, 400, 'validation', `no alert source is named ${name}`, { errors: [{ path: 'source', message: 'is not a configured alert source' }] });
    }
    if (source.auth === 'hmac' && !verifySignature(source.hmacSecret!, raw, c.req.header(SIGNATURE_HEADER))) {
      return problem(c, 401, 'bad-signature', `${SIGNATURE_HEADER} must be sha256=<hex HMAC-SHA256 of the raw body with the source's secret>`);
    }
    if (source.auth === 'token' && !tokenOk) {
      c.header('WWW-Authenticate', 'Bearer realm="breachline"');
      return problem(c, 401, 'unauthenticated', 'this source takes an ingest token: send Authorization: Bearer <token>');
    }
  }
  onSource(source.name);
  if (!source.enabled) return problem(c, 403, 'source-disabled', `alert source ${source.name} is disabled`);
  if (source.kind !== kind) {
    return problem(c, 400, 'validation', `${source.name} is a ${source.kind} source: post to ${INTAKE_PATHS[source.kind]}`, {
      errors: [{ path: 'source', message: `is a ${source.kind} source` }],
    });
  }
  return { source, body, pagerduty };
}

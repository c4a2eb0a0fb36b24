import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env.js';
import { jsonBody, jsonResponse, problemResponse, secureRoute } from '../../http/secure-route.js';
import { commentSchema, createNoticeSchema, editNoticeSchema, previewQuerySchema } from '../notice-requests.js';
import type { Notices } from '../notice-service.js';
import {
  commentViewSchema,
  diffQuery,
  diffSchema,
  incidentParams,
  noticeParams,
  noticeSchema,
  previewSchema,
  versionParams,
  versionSchema,
} from './notice-schemas.js';
import { PERMISSIONS } from '../../auth/permissions.js';

const tags = ['notices'];
const notFound = problemResponse('No such incident, notice or version');
const refused = problemResponse('The version or the incident’s lifecycle does not allow this now');

const createNotice = secureRoute(PERMISSIONS.writeNotices, {
  method: 'post',
  path: '/api/v1/incidents/{id}/notices',
  tags,
  summary: 'Draft the notice to individuals (in one locale or several) or one obligation’s report, from the incident’s facts',
  request: { params: incidentParams, body: jsonBody(createNoticeSchema) },
  responses: { 201: jsonResponse(noticeSchema, 'The notice with version 1; Location names it'), 404: notFound, 409: refused },
});

const listNotices = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/incidents/{id}/notices',
  tags,
  summary: 'The incident’s notices and reports, each with its newest version',
  request: { params: incidentParams },
  responses: { 200: jsonResponse(z.object({ items: z.array(noticeSchema) }), 'The notices'), 404: notFound },
});

const getNotice = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/notices/{noticeId}',
  tags,
  summary: 'A notice: its newest version, what it must contain and what is still missing',
  request: { params: noticeParams },
  responses: { 200: jsonResponse(noticeSchema, 'The notice'), 404: notFound },
});

const listVersions = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/notices/{noticeId}/versions',
  tags,
  summary: 'Every version, oldest first, with its comments',
  request: { params: noticeParams },
  responses: { 200: jsonResponse(z.object({ items: z.array(versionSchema) }), 'The versions'), 404: notFound },
});

const editNotice = secureRoute(PERMISSIONS.writeNotices, {
  method: 'post',
  path: '/api/v1/notices/{noticeId}/versions',
  tags,
  summary: 'Edit named items, in any locale, or add, remove or promote a locale: a new version; editing one under review or approved voids that',
  request: { params: noticeParams, body: jsonBody(editNoticeSchema) },
  responses: { 201: jsonResponse(versionSchema, 'The new version'), 404: notFound, 409: refused },
});

const diffVersions = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/notices/{noticeId}/diff',
  tags,
  summary: 'What changed between two versions: item by item and in the rendered text, locale by locale',
  request: { params: noticeParams, query: diffQuery },
  responses: { 200: jsonResponse(diffSchema, 'The differences'), 404: notFound },
});

const addComment = secureRoute(PERMISSIONS.writeNotices, {
  method: 'post',
  path: '/api/v1/notices/{noticeId}/versions/{n}/comments',
  tags,
  summary: 'Comment on a version',
  request: { params: versionParams, body: jsonBody(commentSchema) },
  responses: { 201: jsonResponse(commentViewSchema, 'The comment'), 404: notFound },
});

const submitVersion = secureRoute(PERMISSIONS.writeNotices, {
  method: 'post',
  path: '/api/v1/notices/{noticeId}/versions/{n}/submit',
  tags,
  summary: 'Send the newest version to legal review; refused while a required item is blank in any locale',
  request: { params: versionParams },
  responses: { 200: jsonResponse(versionSchema, 'In review'), 400: problemResponse('Required items missing; each is named'), 404: notFound, 409: refused },
});

const requestChanges = secureRoute(PERMISSIONS.reviewNotices, {
  method: 'post',
  path: '/api/v1/notices/{noticeId}/versions/{n}/request-changes',
  tags,
  summary: 'Legal sends the version back with a comment',
  request: { params: versionParams, body: jsonBody(commentSchema) },
  responses: { 200: jsonResponse(versionSchema, 'Changes requested'), 404: notFound, 409: refused },
});

const approveVersion = secureRoute(PERMISSIONS.reviewNotices, {
  method: 'post',
  path: '/api/v1/notices/{noticeId}/versions/{n}/approve',
  tags,
  summary: 'Legal approves the version (not its own author): pins its content hash',
  request: { params: versionParams },
  responses: { 200: jsonResponse(versionSchema, 'Approved'), 404: notFound, 409: refused },
});

const previewVersion = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/notices/{noticeId}/versions/{n}/preview',
  tags,
  summary: 'The version rendered as HTML and text; notices to individuals take a sample recipient and one of their locales',
  request: { params: versionParams, query: previewQuerySchema },
  responses: { 200: jsonResponse(previewSchema, 'The rendered document'), 400: problemResponse('A required item of that locale is blank, or the version is not written in that locale'), 404: notFound },
});

// A version or notice in the wrong state is a NoticeStateError: a 409 of type notice-state (problem.ts).
export function registerNoticeRoutes(app: OpenAPIHono<AppEnv>, notices: Notices): void {
  const { drafts, review, queries } = notices;

  app.openapi(createNotice, async (c) => {
    const { notice } = await drafts.create(c.req.valid('param').id, c.req.valid('json'), c.get('actor'));
    c.header('Location', `/api/v1/notices/${notice.id}`);
    return c.json(await queries.get(notice.id), 201);
  });
  app.openapi(listNotices, async (c) => c.json({ items: await queries.listForIncident(c.req.valid('param').id) }, 200));
  app.openapi(getNotice, async (c) => c.json(await queries.get(c.req.valid('param').noticeId), 200));
  app.openapi(listVersions, async (c) => c.json({ items: await queries.versions(c.req.valid('param').noticeId) }, 200));

  app.openapi(editNotice, async (c) => {
    const { noticeId } = c.req.valid('param');
    const version = await drafts.edit(noticeId, c.req.valid('json'), c.get('actor'));
    return c.json(await queries.version(noticeId, version.number), 201);
  });
  app.openapi(diffVersions, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await queries.diff(c.req.valid('param').noticeId, from, to), 200);
  });
  app.openapi(addComment, async (c) => {
    const { noticeId, n } = c.req.valid('param');
    const comment = await drafts.comment(noticeId, n, c.req.valid('json'), c.get('actor'));
    return c.json({ id: comment.id, author: comment.author, body: comment.body, createdAt: comment.createdAt }, 201);
  });
  app.openapi(submitVersion, async (c) => {
    const { noticeId, n } = c.req.valid('param');
    await review.submit(noticeId, n, c.get('actor'));
    return c.json(await queries.version(noticeId, n), 200);
  });
  app.openapi(requestChanges, async (c) => {
    const { noticeId, n } = c.req.valid('param');
    await review.requestChanges(noticeId, n, c.req.valid('json'), c.get('actor'));
    return c.json(await queries.version(noticeId, n), 200);
  });
  app.openapi(approveVersion, async (c) => {
    const { noticeId, n } = c.req.valid('param');
    await review.approve(noticeId, n, c.get('actor'));
    return c.json(await queries.version(noticeId, n), 200);
  });
  app.openapi(previewVersion, async (c) => {
    const { noticeId, n } = c.req.valid('param');
    return c.json(await queries.preview(noticeId, n, c.req.valid('query')), 200);
  });
}

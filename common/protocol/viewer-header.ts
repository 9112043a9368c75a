/**
 * The header that carries the viewer's device id on GETs under /api/watch/:token/… . The id is a
 * bearer secret: in a query string it would land in access logs, proxies and the browser history.
 * Header names are case-insensitive; Node lower-cases them, so this is the form servers read.
 */
export const VIEWER_ID_HEADER = 'x-viewer-id';

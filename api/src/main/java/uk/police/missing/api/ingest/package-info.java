/**
 * The HTTP face of ingest: {@code POST /api/v1/episodes} takes a force system's NDJSON and
 * answers one outcome per line, or a problem document when the request as a whole is refused.
 */
package uk.police.missing.api.ingest;

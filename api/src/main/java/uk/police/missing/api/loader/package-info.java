/**
 * The bulk loader: {@code java -jar api.jar load FILE...} pushes NDJSON files through the same
 * ingest service as the HTTP endpoint, for first loads and demos.
 */
package uk.police.missing.api.loader;

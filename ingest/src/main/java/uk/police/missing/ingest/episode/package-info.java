/**
 * Taking in force systems' NDJSON: read the body as a stream within fixed limits, judge every
 * line on its own, and write the good ones in batches. A request is read whole before anything
 * is written, so a request refused for its size writes nothing.
 */
package uk.police.missing.ingest.episode;

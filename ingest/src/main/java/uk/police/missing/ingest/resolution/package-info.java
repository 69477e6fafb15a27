/**
 * Who and what is the same across forces: the normalised keys by which records of one phone,
 * vehicle or place meet. These are the deterministic "same when" rules of the contract; scored,
 * reviewable matches build on them.
 */
package uk.police.missing.ingest.resolution;

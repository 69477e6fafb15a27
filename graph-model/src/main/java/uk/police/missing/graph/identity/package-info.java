/**
 * Who is who across forces. A force's record of a child or person carries identity keys (a PNC
 * id; a date of birth with a normalised name), and so does each way of writing a place (a UPRN; a
 * postcode with a first address line or a name); records that share a key, directly or through
 * other records, are one child, person or place. Resolution runs inside each ingest transaction
 * and is incremental both ways: a new record can join two entities, and a changed or withdrawn
 * record can split one.
 */
package uk.police.missing.graph.identity;

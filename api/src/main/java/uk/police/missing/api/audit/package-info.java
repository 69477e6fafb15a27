/**
 * Who looked at what, and why: every GraphQL consultation, ingest request, match decision and
 * refused attempt is written to the hash-chained audit trail before any data is returned (the
 * Data Protection Act 2018, Part 3, s.62 logging duty), and auditors read the trail over GraphQL.
 */
package uk.police.missing.api.audit;

/**
 * The audit trail: a record of who consulted which child or person, when, for what stated
 * purpose and with what outcome, for every read of personal data, every ingest request, every
 * match decision and every refused attempt, as the Data Protection Act 2018 Part 3 s.62 expects
 * of law-enforcement processing (consultation and disclosure logs that show who, when and why).
 *
 * <p>Records are only ever appended, and each carries the hash of the one before, so an edit, a
 * deletion or a reordering made directly in the database is found by {@link
 * uk.police.missing.graph.audit.AuditLog#verify()}. Auditors ask by child or person id which
 * records returned them; the ids are those returned at the time, not the live entities, which
 * identity resolution may merge or split later.
 */
package uk.police.missing.graph.audit;

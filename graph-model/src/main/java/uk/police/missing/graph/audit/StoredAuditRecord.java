package uk.police.missing.graph.audit;

import java.time.Instant;
import java.util.List;

/**
 * An audit record as stored: its place in the chain, the hash linking it to the record before,
 * and every fact of the {@link AuditEntry} it was made from.
 *
 * @param sequence its position in the chain, from 1, without gaps
 * @param hash lowercase hex SHA-256 of the record's canonical form (see {@link AuditLog})
 * @param previousHash the hash of record {@code sequence - 1}, or 64 zeros for record 1
 */
public record StoredAuditRecord(
    long sequence,
    String hash,
    String previousHash,
    Instant at,
    String subject,
    String clientId,
    String force,
    String issuer,
    List<String> roles,
    String operation,
    String variablesJson,
    String purpose,
    List<String> childIds,
    List<String> personIds,
    String outcome,
    String detail) {

  public StoredAuditRecord {
    roles = List.copyOf(roles);
    childIds = List.copyOf(childIds);
    personIds = List.copyOf(personIds);
  }

  static StoredAuditRecord of(long sequence, String hash, String previousHash, AuditEntry e) {
    return new StoredAuditRecord(
        sequence,
        hash,
        previousHash,
        e.at(),
        e.subject(),
        e.clientId(),
        e.force(),
        e.issuer(),
        e.roles(),
        e.operation(),
        e.variablesJson(),
        e.purpose(),
        e.childIds(),
        e.personIds(),
        e.outcome(),
        e.detail());
  }

  /** The facts the caller handed in, without the chain fields. */
  public AuditEntry entry() {
    return new AuditEntry(
        at, subject, clientId, force, issuer, roles, operation, variablesJson, purpose, childIds,
        personIds, outcome, detail);
  }
}

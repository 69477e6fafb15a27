package uk.police.missing.graph.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One event to audit, as the caller hands it in: a consultation of personal data, an ingest
 * request, a match decision or a refused attempt.
 *
 * <p>Every field is kept on the stored record and covered by its hash, so what an auditor reads
 * is what was written. Lists keep the order given and may repeat an id; null lists become empty.
 *
 * @param at when it happened (the caller's clock, to the nanosecond)
 * @param subject who: the token's subject, or a stand-in such as {@code anonymous} for a refused
 *     attempt that carried no identity; required
 * @param clientId the OAuth2 client (the system) the request came through, if any
 * @param force the force code of the user or system, if any
 * @param issuer the token issuer, if any
 * @param roles the roles in force for this request, in the order the caller lists them
 * @param operation what was done, e.g. a GraphQL operation or field name, or {@code ingest};
 *     required
 * @param variablesJson the operation's variables as the caller serialised them, if any
 * @param purpose the stated reason: a case or incident reference, if given
 * @param childIds ids of the children returned or touched (resolved {@code Child} ids)
 * @param personIds ids of the people returned or touched (resolved {@code Person} ids)
 * @param outcome how it ended, e.g. {@code OK}, {@code REFUSED}, {@code FAILED}; required
 * @param detail a short note on the outcome, e.g. why it was refused; never a stack trace
 */
public record AuditEntry(
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

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(outcome, "outcome");
    // Copies, so a caller changing its list afterwards cannot change what is hashed and stored.
    roles = roles == null ? List.of() : List.copyOf(roles);
    childIds = childIds == null ? List.of() : List.copyOf(childIds);
    personIds = personIds == null ? List.of() : List.copyOf(personIds);
  }
}

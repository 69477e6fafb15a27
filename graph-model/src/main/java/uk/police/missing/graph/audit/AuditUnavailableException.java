package uk.police.missing.graph.audit;

/**
 * The audit trail could not be written or read: the database is away, the chain head is missing
 * or damaged, or a stored record cannot be read. A caller that must audit before it answers
 * treats this as a reason to refuse, so the service fails closed. The message names no personal
 * data.
 */
public class AuditUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AuditUnavailableException(String message) {
    super(message);
  }

  public AuditUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

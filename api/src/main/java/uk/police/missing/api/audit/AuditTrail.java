package uk.police.missing.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.police.missing.api.security.Caller;
import uk.police.missing.graph.audit.AuditEntry;
import uk.police.missing.graph.audit.AuditLog;

/** Writes the service's audit records; every caller-facing event goes through here. */
@Component
public class AuditTrail {

  /** The subject recorded for a request that proved no identity. */
  static final String ANONYMOUS = "anonymous";

  private final AuditLog log;
  private final Clock clock;

  AuditTrail(AuditLog log) {
    this.log = log;
    this.clock = Clock.systemUTC();
  }

  /**
   * Records an event by a verified caller.
   *
   * @throws uk.police.missing.graph.audit.AuditUnavailableException when the record could not be
   *     written: the caller must then fail the request
   */
  public void record(
      Caller caller,
      String operation,
      String variablesJson,
      String purpose,
      List<String> childIds,
      List<String> personIds,
      String outcome,
      String detail) {
    log.append(
        new AuditEntry(
            clock.instant(),
            caller.subject(),
            caller.clientId(),
            String.join(",", caller.forces().stream().sorted().toList()),
            caller.issuer(),
            caller.roles().stream().map(r -> r.claim()).sorted().toList(),
            operation,
            variablesJson,
            purpose,
            childIds,
            personIds,
            outcome,
            detail));
  }

  /**
   * Records what an operator did on the service's own machine, outside HTTP (the bulk loader):
   * the operating-system user is the subject.
   */
  public void recordOperator(String operation, String outcome, String detail) {
    log.append(
        new AuditEntry(
            clock.instant(),
            System.getProperty("user.name", "unknown") + " (local operator)",
            null,
            null,
            null,
            List.of("operator"),
            operation,
            null,
            null,
            List.of(),
            List.of(),
            outcome,
            detail));
  }

  /**
   * Where a request came from, for the audit record's detail (the source CJIS-style audits ask
   * for). Behind a proxy it is the proxy's address unless server.forward-headers-strategy is set.
   */
  public static String source(String remoteAddress) {
    return "from " + (remoteAddress == null ? "an unknown address" : remoteAddress);
  }

  /** Records a request refused before any identity was established (no or a bad token). */
  public void recordUnidentified(HttpServletRequest request, String outcome, String detail) {
    log.append(
        new AuditEntry(
            clock.instant(),
            ANONYMOUS,
            null,
            null,
            null,
            List.of(),
            request.getMethod() + " " + request.getRequestURI(),
            null,
            null,
            List.of(),
            List.of(),
            outcome,
            source(request.getRemoteAddr()) + "; " + detail));
  }
}

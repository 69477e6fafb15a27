package uk.police.missing.api.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.police.missing.api.audit.AuditTrail;
import uk.police.missing.api.security.Caller;
import uk.police.missing.api.security.Role;
import uk.police.missing.graph.audit.AuditUnavailableException;
import uk.police.missing.ingest.episode.ForceNotPermittedException;
import uk.police.missing.ingest.episode.IngestLimitExceededException;
import uk.police.missing.ingest.episode.IngestProperties;
import uk.police.missing.ingest.episode.IngestReport;
import uk.police.missing.ingest.episode.IngestService;
import uk.police.missing.ingest.episode.StoreUnavailableException;

/** Force systems push their episode records here, as NDJSON. */
@RestController
class EpisodeIngestController {

  static final String NDJSON = "application/x-ndjson";

  private static final String OPERATION = "POST /api/v1/episodes";

  private final IngestService ingest;
  private final IngestProperties limits;
  private final AuditTrail audit;

  EpisodeIngestController(IngestService ingest, IngestProperties limits, AuditTrail audit) {
    this.ingest = ingest;
    this.limits = limits;
    this.audit = audit;
  }

  @PostMapping(path = "/api/v1/episodes", consumes = NDJSON)
  ResponseEntity<?> episodes(HttpServletRequest request, Authentication authentication)
      throws IOException {
    Caller caller = Caller.of(authentication);
    String source = AuditTrail.source(request.getRemoteAddr());
    ResponseEntity<?> response;
    try {
      response = episodes(request, caller);
    } catch (ForceNotPermittedException e) {
      audit(caller, "REFUSED_FORBIDDEN", source + "; " + e.getMessage());
      throw e;
    } catch (IOException | RuntimeException e) {
      audit(caller, "FAILED", source + "; " + e.getClass().getSimpleName());
      throw e;
    }
    // The report is withheld if this fails (see auditUnavailable).
    audit(caller, outcome(response), source + "; " + detail(response));
    return response;
  }

  /** An ingest request consults no one: no variables, purpose, children or people to record. */
  private void audit(Caller caller, String outcome, String detail) {
    audit.record(caller, OPERATION, null, null, List.of(), List.of(), outcome, detail);
  }

  private static String outcome(ResponseEntity<?> response) {
    return response.getStatusCode().is2xxSuccessful() ? "OK" : "REJECTED_" + response.getStatusCode().value();
  }

  private static String detail(ResponseEntity<?> response) {
    if (!(response.getBody() instanceof IngestReport report)) {
      return "status " + response.getStatusCode().value();
    }
    var totals = report.totals();
    return totals.lines()
        + " lines: "
        + totals.accepted()
        + " accepted, "
        + totals.unchanged()
        + " unchanged, "
        + totals.rejected()
        + " rejected";
  }

  private ResponseEntity<?> episodes(HttpServletRequest request, Caller caller) throws IOException {
    // NDJSON is UTF-8; a body declared in another charset would be read wrongly, so refuse it.
    // (The servlet's own character encoding is forced to UTF-8, so read the declared one.)
    var declared = org.springframework.http.MediaType.parseMediaType(request.getContentType()).getCharset();
    if (declared != null && !declared.equals(java.nio.charset.StandardCharsets.UTF_8)) {
      String charset = declared.name();
      ProblemDetail problem =
          problem(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "charset",
              "NDJSON must be sent as UTF-8, not " + charset + ". Nothing in this request was stored.");
      return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
    }
    // A declared length over the limit is refused before a byte is read.
    if (request.getContentLengthLong() > limits.maxBody().toBytes()) {
      throw new IngestLimitExceededHttp(
          "the request body is larger than "
              + limits.maxBody().toBytes()
              + " bytes: split it into smaller requests");
    }
    // Only a force system writes for the forces its token names; anyone else writes for none, so
    // the ingest service refuses their first record, whatever the URL rules let through.
    IngestReport report =
        ingest.ingest(
            request.getInputStream(), caller.has(Role.FORCE_SYSTEM) ? caller.forces() : Set.of());
    if (report.totals().lines() == 0) {
      ProblemDetail problem =
          problem(
              HttpStatus.BAD_REQUEST,
              "empty-request",
              "the request holds no records: send one JSON record a line");
      return ResponseEntity.badRequest().body(problem);
    }
    return ResponseEntity.ok(report);
  }

  @ExceptionHandler({IngestLimitExceededException.class, IngestLimitExceededHttp.class})
  ResponseEntity<ProblemDetail> tooLarge(RuntimeException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.CONTENT_TOO_LARGE,
            "request-too-large",
            e.getMessage() + ". Nothing in this request was stored.");
    if (e instanceof IngestLimitExceededException limit && limit.line() > 0) {
      problem.setProperty("line", limit.line());
    }
    problem.setProperty(
        "limits",
        Map.of(
            "maxBodyBytes", limits.maxBody().toBytes(),
            "maxLineBytes", limits.maxLine().toBytes(),
            "maxLines", limits.maxLines()));
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
  }

  @ExceptionHandler(ForceNotPermittedException.class)
  ResponseEntity<ProblemDetail> forceNotPermitted(ForceNotPermittedException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.FORBIDDEN,
            "force-not-permitted",
            e.getMessage()
                + ". A force system may send only the records of the forces its token names."
                + " Nothing in this request was stored.");
    problem.setProperty("line", e.line());
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
  }

  @ExceptionHandler(AuditUnavailableException.class)
  ResponseEntity<ProblemDetail> auditUnavailable(AuditUnavailableException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "audit-unavailable",
            "the audit trail could not be written, so no report is returned. Lines may have been"
                + " stored; sending the whole request again is safe (stored versions come back"
                + " as unchanged).");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "30")
        .body(problem);
  }

  @ExceptionHandler(StoreUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(StoreUnavailableException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "store-unavailable",
            "the graph database is unavailable. The lines listed under 'completed' are settled;"
                + " the others were not stored. Sending the whole request again is safe.");
    problem.setProperty("completed", e.completed());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "30")
        .body(problem);
  }

  /** A problem answer of this service's own type, {@code urn:missing-children:problem:<type>}. */
  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:missing-children:problem:" + type));
    return problem;
  }

  /** A body whose declared length is over the limit. */
  static final class IngestLimitExceededHttp extends RuntimeException {
    IngestLimitExceededHttp(String message) {
      super(message);
    }
  }
}

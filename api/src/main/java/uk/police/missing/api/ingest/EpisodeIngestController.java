package uk.police.missing.api.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.police.missing.ingest.episode.IngestLimitExceededException;
import uk.police.missing.ingest.episode.IngestProperties;
import uk.police.missing.ingest.episode.IngestReport;
import uk.police.missing.ingest.episode.IngestService;
import uk.police.missing.ingest.episode.StoreUnavailableException;

/** Force systems push their episode records here, as NDJSON. */
@RestController
class EpisodeIngestController {

  static final String NDJSON = "application/x-ndjson";

  private final IngestService ingest;
  private final IngestProperties limits;

  EpisodeIngestController(IngestService ingest, IngestProperties limits) {
    this.ingest = ingest;
    this.limits = limits;
  }

  @PostMapping(path = "/api/v1/episodes", consumes = NDJSON)
  ResponseEntity<?> episodes(HttpServletRequest request) throws IOException {
    // NDJSON is UTF-8; a body declared in another charset would be read wrongly, so refuse it.
    // (The servlet's own character encoding is forced to UTF-8, so read the declared one.)
    var declared = org.springframework.http.MediaType.parseMediaType(request.getContentType()).getCharset();
    if (declared != null && !declared.equals(java.nio.charset.StandardCharsets.UTF_8)) {
      String charset = declared.name();
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "NDJSON must be sent as UTF-8, not " + charset + ". Nothing in this request was stored.");
      problem.setType(URI.create("urn:missing-children:problem:charset"));
      return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
    }
    // A declared length over the limit is refused before a byte is read.
    if (request.getContentLengthLong() > limits.maxBody().toBytes()) {
      throw new IngestLimitExceededHttp(
          "the request body is larger than "
              + limits.maxBody().toBytes()
              + " bytes: split it into smaller requests");
    }
    IngestReport report = ingest.ingest(request.getInputStream());
    if (report.totals().lines() == 0) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST, "the request holds no records: send one JSON record a line");
      problem.setType(URI.create("urn:missing-children:problem:empty-request"));
      return ResponseEntity.badRequest().body(problem);
    }
    return ResponseEntity.ok(report);
  }

  @ExceptionHandler({IngestLimitExceededException.class, IngestLimitExceededHttp.class})
  ResponseEntity<ProblemDetail> tooLarge(RuntimeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONTENT_TOO_LARGE, e.getMessage() + ". Nothing in this request was stored.");
    problem.setType(URI.create("urn:missing-children:problem:request-too-large"));
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

  @ExceptionHandler(StoreUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(StoreUnavailableException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "the graph database is unavailable. The lines listed under 'completed' are settled;"
                + " the others were not stored. Sending the whole request again is safe.");
    problem.setType(URI.create("urn:missing-children:problem:store-unavailable"));
    problem.setProperty("completed", e.completed());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "30")
        .body(problem);
  }

  /** A body whose declared length is over the limit. */
  static final class IngestLimitExceededHttp extends RuntimeException {
    IngestLimitExceededHttp(String message) {
      super(message);
    }
  }
}

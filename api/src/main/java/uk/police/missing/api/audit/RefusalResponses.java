package uk.police.missing.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.police.missing.api.security.Caller;

/**
 * Answers 401 and 403 at the door, after writing the refused attempt to the audit trail. The
 * standard bearer-token answers (status and {@code WWW-Authenticate}) are kept, with a problem
 * body that says what to do. A refusal is answered even when the audit write fails: refusing
 * returns nothing, so there is nothing to hold back, and the failure is logged.
 */
@Component
class RefusalResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final Logger log = LoggerFactory.getLogger(RefusalResponses.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AuditTrail audit;
  private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

  RefusalResponses(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String reason =
        e instanceof OAuth2AuthenticationException oauth
            ? oauth.getError().getErrorCode() + ": " + oauth.getError().getDescription()
            : "no bearer token";
    try {
      audit.recordUnidentified(request, "REFUSED_UNAUTHENTICATED", reason);
    } catch (RuntimeException auditFailure) {
      log.error("could not audit a refused request: {}", auditFailure.getClass().getSimpleName());
    }
    bearer.commence(request, response, e);
    write(
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthenticated",
        "send a valid bearer token from a trusted issuer, for this service's audience ("
            + reason
            + ")");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String what = request.getMethod() + " " + request.getRequestURI();
    try {
      var authentication = SecurityContextHolder.getContext().getAuthentication();
      audit.record(
          Caller.of(authentication),
          what,
          null,
          null,
          List.of(),
          List.of(),
          "REFUSED_FORBIDDEN",
          AuditTrail.source(request.getRemoteAddr()) + "; the caller's roles do not allow " + what);
    } catch (RuntimeException auditFailure) {
      log.error("could not audit a refused request: {}", auditFailure.getClass().getSimpleName());
    }
    denied.handle(request, response, e);
    write(
        response,
        HttpStatus.FORBIDDEN,
        "forbidden",
        "your token's roles do not allow " + what + ": force systems may only send records,"
            + " analysts and investigators read through /graphql, auditors read the audit trail");
  }

  private static void write(HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    var problem = new java.util.LinkedHashMap<String, Object>();
    problem.put("type", "urn:missing-children:problem:" + type);
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }
}

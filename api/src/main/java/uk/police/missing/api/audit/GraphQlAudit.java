package uk.police.missing.api.audit;

import graphql.GraphqlErrorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import uk.police.missing.api.security.Caller;
import uk.police.missing.api.security.Consultation;

/**
 * Audits every GraphQL request: it opens the request's {@link Consultation} (who asks, and the
 * purpose they state), lets the request run, then writes one audit record with the children and
 * people it returned and its outcome, before the response leaves. If the record cannot be
 * written, the response is replaced by an error and no data leaves (fail closed).
 */
@Component
class GraphQlAudit implements WebGraphQlInterceptor {

  /** Long documents are kept in part; the variables are kept whole. */
  static final int MAX_DOCUMENT = 20_000;

  private static final java.util.regex.Pattern OPERATION_NAME =
      java.util.regex.Pattern.compile("^\\s*(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");

  private static final Logger log = LoggerFactory.getLogger(GraphQlAudit.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AuditTrail audit;

  GraphQlAudit(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication());
    Consultation consultation =
        new Consultation(caller, request.getHeaders().getFirst(Consultation.PURPOSE_HEADER));
    request.configureExecutionInput(
        (input, builder) ->
            builder.graphQLContext(c -> c.put(Consultation.CONTEXT_KEY, consultation)).build());
    return chain.next(request).map(response -> audited(request, consultation, response));
  }

  private WebGraphQlResponse audited(
      WebGraphQlRequest request, Consultation consultation, WebGraphQlResponse response) {
    List<String> refused = consultation.refusedFields();
    String outcome;
    String detail = AuditTrail.source(remote(request));
    if (!refused.isEmpty()) {
      outcome = "REFUSED";
      detail += "; refused fields: " + String.join(", ", refused);
    } else if (!response.getErrors().isEmpty()) {
      outcome = "FAILED";
      detail += "; " + errorSummary(response.getErrors());
    } else {
      outcome = "OK";
    }
    try {
      audit.record(
          consultation.caller(),
          operation(request),
          JSON.writeValueAsString(request.getVariables()),
          consultation.purpose(),
          consultation.childIds(),
          consultation.personIds(),
          outcome,
          detail);
      return response;
    } catch (RuntimeException e) {
      String errorId = UUID.randomUUID().toString();
      // Only the exception's class: a database error message can quote the values it refused.
      log.error(
          "error {}: the audit record of a GraphQL request could not be written: {}",
          errorId,
          e.getClass().getSimpleName());
      return response.transform(
          result ->
              result
                  .data(null)
                  .errors(
                      List.of(
                          GraphqlErrorBuilder.newError()
                              .errorType(ErrorType.INTERNAL_ERROR)
                              .message(
                                  "the audit trail could not be written, so nothing is returned;"
                                      + " try again later (error "
                                      + errorId
                                      + ")")
                              .build())));
    }
  }

  private static String remote(WebGraphQlRequest request) {
    var address = request.getRemoteAddress();
    return address == null || address.getAddress() == null
        ? null
        : address.getAddress().getHostAddress();
  }

  private static String operation(WebGraphQlRequest request) {
    String document = request.getDocument();
    if (document.length() > MAX_DOCUMENT) {
      document = document.substring(0, MAX_DOCUMENT) + " [cut at " + MAX_DOCUMENT + " characters]";
    }
    String name = request.getOperationName();
    if (name == null) {
      // A document with a single operation need not be asked for by name; take the name written.
      var written = OPERATION_NAME.matcher(document);
      name = written.find() ? written.group(1) : "(unnamed)";
    }
    return "graphql " + name + "\n" + document;
  }

  private static String errorSummary(List<ResponseError> errors) {
    List<String> kinds = new ArrayList<>();
    for (ResponseError error : errors) {
      kinds.add(String.valueOf(error.getErrorType()));
    }
    return errors.size() + " error(s): " + String.join(", ", kinds);
  }
}

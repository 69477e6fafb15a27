package uk.police.missing.api.graphql;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import uk.police.missing.api.security.AccessRefusedException;

/** Maps the service's own exceptions to GraphQL errors that say what to change. */
@ControllerAdvice
class GraphQlErrors {

  @GraphQlExceptionHandler
  GraphQLError invalidArgument(InvalidArgumentException e, DataFetchingEnvironment env) {
    return GraphQLError.newError()
        .errorType(ErrorType.BAD_REQUEST)
        .message(e.getMessage())
        .path(env.getExecutionStepInfo().getPath())
        .location(env.getField().getSourceLocation())
        .extensions(e.argument() == null ? Map.of() : extensions("argument", e.argument()))
        .build();
  }

  // The message names the argument only, never its value: an id or a reference may be all a
  // reader needs to tie the answer to a child.
  @GraphQlExceptionHandler
  GraphQLError notFound(NotFoundException e, DataFetchingEnvironment env) {
    return GraphQLError.newError()
        .errorType(ErrorType.NOT_FOUND)
        .message(e.getMessage())
        .path(env.getExecutionStepInfo().getPath())
        .location(env.getField().getSourceLocation())
        .extensions(extensions("argument", e.argument()))
        .build();
  }

  // The field, where it was refused and what it needs travel as data too, so that a client can
  // say what to ask for without parsing the message.
  @GraphQlExceptionHandler
  GraphQLError accessRefused(AccessRefusedException e, DataFetchingEnvironment env) {
    return GraphQLError.newError()
        .errorType(ErrorType.FORBIDDEN)
        .message(e.getMessage())
        .path(env.getExecutionStepInfo().getPath())
        .location(env.getField().getSourceLocation())
        .extensions(extensions("field", e.field(), "pathPattern", e.pathPattern(), "required", e.required()))
        .build();
  }

  // In the order given, so that answers read the same every time (the README quotes one).
  private static Map<String, Object> extensions(String... keysAndValues) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      extensions.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return extensions;
  }
}

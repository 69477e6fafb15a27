package uk.police.missing.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * The answer to an exception that no handler maps: INTERNAL_ERROR with an error id, and nothing
 * of the exception, whose message may carry Cypher or a child's details. The log gets the id with
 * the exception, so the two can be matched.
 *
 * <p>Spring for GraphQL's own fallback does much the same, but keys it on the request's execution
 * id; this makes the rule ours, and gives every error its own id.
 */
@Component
class InternalErrors implements GraphQlSourceBuilderCustomizer {

  private static final Logger log = LoggerFactory.getLogger(InternalErrors.class);

  // Boot adds the resolver beans (the controllers' handlers, and security's once it is added)
  // before it runs customizers, so this resolver is asked last and takes only what they leave.
  @Override
  public void customize(GraphQlSource.SchemaResourceBuilder builder) {
    builder.exceptionResolvers(
        List.of(DataFetcherExceptionResolver.forSingleError(InternalErrors::internalError)));
  }

  private static GraphQLError internalError(Throwable exception, DataFetchingEnvironment env) {
    String errorId = UUID.randomUUID().toString();
    if (pastMemoryLimit(exception)) {
      // Not a fault: the question (every place in the country at ten years, say) needs more
      // memory than the database lets one request hold. The reader can narrow it.
      log.warn("GraphQL request {} (field {}) past the database's memory limit for one request: {}",
          env.getExecutionId(), env.getExecutionStepInfo().getPath(), errorId);
      return GraphqlErrorBuilder.newError(env)
          .errorType(ErrorType.BAD_REQUEST)
          .message("The question needs more memory than the database allows one request. Narrow it:"
              + " a filter (force, force area, a period) or higher thresholds.")
          .extensions(Map.of("limit", "memory", "errorId", errorId))
          .build();
    }
    log.error(
        "GraphQL internal error {} (request {}, field {})",
        errorId,
        env.getExecutionId(),
        env.getExecutionStepInfo().getPath(),
        exception);
    return GraphqlErrorBuilder.newError(env)
        .errorType(ErrorType.INTERNAL_ERROR)
        .message("Internal error " + errorId)
        .extensions(Map.of("errorId", errorId))
        .build();
  }

  static boolean pastMemoryLimit(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof Neo4jException neo4j && MEMORY_LIMIT.equals(neo4j.code())) {
        return true;
      }
    }
    return false;
  }

  private static final String MEMORY_LIMIT = "Neo.TransientError.General.MemoryPoolOutOfMemoryError";
}

package uk.police.missing.api.graphql;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stops a request that runs longer than {@code missing.graphql.timeout}: no data fetcher starts
 * after the deadline, and the answer is one error saying so, with no data.
 *
 * <p>The check is made inside graphql-java rather than around the HTTP exchange because the data
 * fetchers run on the request's own thread: a timer around it could only answer once they had
 * all finished anyway. A fetcher already running (one Neo4j statement) is not interrupted; the
 * database's own transaction timeout bounds it (see docs/configuration.md).
 */
@Component
class RequestDeadline extends SimplePerformantInstrumentation {

  private static final Logger log = LoggerFactory.getLogger(RequestDeadline.class);

  private final Duration timeout;

  RequestDeadline(GraphQlLimitsProperties limits) {
    this.timeout = limits.timeout();
  }

  @Override
  public CompletableFuture<InstrumentationState> createStateAsync(
      InstrumentationCreateStateParameters parameters) {
    return CompletableFuture.completedFuture(new Deadline(System.nanoTime() + timeout.toNanos()));
  }

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> fetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    Deadline deadline = (Deadline) state;
    // Past the deadline, every field answers at once with nothing; the whole result is replaced
    // below, so what each field says does not matter.
    return env -> deadline.passed() ? DataFetcherResult.newResult().build() : fetcher.get(env);
  }

  @Override
  public CompletableFuture<ExecutionResult> instrumentExecutionResult(
      ExecutionResult result,
      InstrumentationExecutionParameters parameters,
      InstrumentationState state) {
    if (!((Deadline) state).expired) {
      return CompletableFuture.completedFuture(result);
    }
    log.warn(
        "GraphQL request {} stopped: it ran longer than {} ms",
        parameters.getExecutionInput().getExecutionId(),
        timeout.toMillis());
    GraphQLError error =
        GraphQLError.newError()
            .errorType(ErrorType.ExecutionAborted)
            .message(
                "The request ran longer than %d ms and was stopped. Ask for less: smaller pages,"
                    + " a shallower link chart or fewer fields.",
                timeout.toMillis())
            .extensions(Map.of("limit", "timeout", "allowed", timeout.toMillis()))
            .build();
    return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult().addError(error).build());
  }

  private static final class Deadline implements InstrumentationState {

    private final long nanos;
    private volatile boolean expired;

    Deadline(long nanos) {
      this.nanos = nanos;
    }

    boolean passed() {
      if (!expired && System.nanoTime() - nanos > 0) {
        expired = true;
      }
      return expired;
    }
  }
}

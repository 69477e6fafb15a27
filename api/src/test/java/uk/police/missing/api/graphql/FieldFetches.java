package uk.police.missing.api.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;

/**
 * Test-only: counts the data fetchers that really ran, by field name, so that a test can show a
 * refused request fetched nothing; optionally makes one field slow, as a slow database would.
 *
 * <p>First in the chain, so its wrapper is the innermost: it sees a fetcher run only when every
 * other instrumentation (the request deadline among them) has let it.
 */
class FieldFetches extends SimplePerformantInstrumentation implements Ordered {

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final String slowField;
  private final Duration delay;

  FieldFetches() {
    this(null, Duration.ZERO);
  }

  private FieldFetches(String slowField, Duration delay) {
    this.slowField = slowField;
    this.delay = delay;
  }

  static FieldFetches slowing(String field, Duration delay) {
    return new FieldFetches(field, delay);
  }

  @Override
  public DataFetcher<?> instrumentDataFetcher(
      DataFetcher<?> fetcher,
      InstrumentationFieldFetchParameters parameters,
      InstrumentationState state) {
    return env -> {
      String field = env.getField().getName();
      counts.computeIfAbsent(field, f -> new AtomicInteger()).incrementAndGet();
      if (field.equals(slowField)) {
        Thread.sleep(delay.toMillis());
      }
      return fetcher.get(env);
    };
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  void reset() {
    counts.clear();
  }

  int total() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  int of(String field) {
    AtomicInteger count = counts.get(field);
    return count == null ? 0 : count.get();
  }
}

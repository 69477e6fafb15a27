package uk.police.missing.api.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;

/**
 * A driver that runs every statement with {@code PROFILE} and keeps, per statement, the database
 * hits of its plan: the benchmark builds the service's own query classes on it, so the figures are
 * those of the very statements the service runs, without the service knowing.
 */
final class ProfilingDriver {

  /** What one profiled statement cost: its database hits, and its first line to name it. */
  record Profile(String statement, long dbHits) {}

  private final List<Profile> profiles = new ArrayList<>();
  private final Driver driver;

  ProfilingDriver(Driver real) {
    this.driver =
        proxy(
            Driver.class,
            real,
            (target, method, args) -> {
              Object value = invoke(target, method, args);
              return method.getName().equals("session") ? session((Session) value) : value;
            });
  }

  Driver driver() {
    return driver;
  }

  /** The profiles since the last call, and forgets them. */
  synchronized List<Profile> take() {
    List<Profile> out = List.copyOf(profiles);
    profiles.clear();
    return out;
  }

  private Session session(Session real) {
    return proxy(
        Session.class,
        real,
        (target, method, args) -> {
          if (method.getName().equals("run") && args != null && args[0] instanceof String cypher) {
            Object[] profiled = args.clone();
            profiled[0] = "PROFILE " + cypher;
            return result((Result) invoke(target, method, profiled), cypher);
          }
          return invoke(target, method, args);
        });
  }

  private Result result(Result real, String cypher) {
    return proxy(
        Result.class,
        real,
        (target, method, args) -> {
          Object value = invoke(target, method, args);
          if (method.getName().equals("consume")) {
            ResultSummary summary = (ResultSummary) value;
            synchronized (this) {
              profiles.add(new Profile(firstLine(cypher), summary.hasProfile() ? hits(summary.profile()) : -1));
            }
          }
          return value;
        });
  }

  private static long hits(ProfiledPlan plan) {
    long total = plan.dbHits();
    for (ProfiledPlan child : plan.children()) {
      total += hits(child);
    }
    return total;
  }

  private static String firstLine(String cypher) {
    String line = cypher.strip().lines().findFirst().orElse("");
    return line.length() > 60 ? line.substring(0, 60) + "…" : line;
  }

  private interface Handler<T> {
    Object handle(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
    InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}

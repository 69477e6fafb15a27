package uk.police.missing.api.security;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One GraphQL request's consultation of personal data, filled in while it runs: who asks and why,
 * which children and people it returned, and which fields were refused. It travels in the
 * request's GraphQL context, so every data fetcher of the request, batched or not, adds to it.
 */
public final class Consultation {

  /** The key of the request's consultation in the GraphQL context. */
  public static final String CONTEXT_KEY = "uk.police.missing.consultation";

  /** The request header that carries the stated purpose: a case or incident reference. */
  public static final String PURPOSE_HEADER = "X-Purpose";

  public static final int MAX_PURPOSE = 200;

  private final Caller caller;
  private final String purpose;
  private final Set<String> childIds = Collections.synchronizedSet(new LinkedHashSet<>());
  private final Set<String> personIds = Collections.synchronizedSet(new LinkedHashSet<>());
  private final Set<String> refusedFields = Collections.synchronizedSet(new LinkedHashSet<>());

  /**
   * @param purpose the purpose header as sent; blank, over-long or with control characters counts
   *     as none given, so such a request reads nothing that needs a purpose
   */
  public Consultation(Caller caller, String purpose) {
    this.caller = caller;
    this.purpose = acceptable(purpose) ? purpose.strip() : null;
  }

  private static boolean acceptable(String purpose) {
    return purpose != null
        && !purpose.isBlank()
        && purpose.strip().length() <= MAX_PURPOSE
        && purpose.chars().noneMatch(Character::isISOControl);
  }

  public Caller caller() {
    return caller;
  }

  /** The case or incident reference the caller gave, or null. */
  public String purpose() {
    return purpose;
  }

  void returnedChild(String id) {
    childIds.add(id);
  }

  void returnedPerson(String id) {
    personIds.add(id);
  }

  /**
   * Notes a refused field at a path pattern (list indexes as {@code *}); true when it is the
   * first refusal of that field at that pattern in this request, which alone carries an error.
   */
  boolean refused(String field, String pathPattern) {
    return refusedFields.add(field + " at " + pathPattern);
  }

  public List<String> childIds() {
    synchronized (childIds) {
      return List.copyOf(childIds);
    }
  }

  public List<String> personIds() {
    synchronized (personIds) {
      return List.copyOf(personIds);
    }
  }

  /** Each refused field once per path pattern, as {@code Type.field at pattern}, in the order refused. */
  public List<String> refusedFields() {
    synchronized (refusedFields) {
      return List.copyOf(refusedFields);
    }
  }
}

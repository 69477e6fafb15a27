package uk.police.missing.api.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may read each GraphQL field. Every root field needs an entry: a root field without one is
 * refused to everyone, so a field added to the schema is closed until someone decides who may
 * read it. Fields below the root are open to whoever reached them through a permitted root field,
 * except those listed here, which are checked on every path (a child's timeline, a record's
 * episodes, a link chart's entities), so no related object is a back door to them.
 */
final class FieldAccessPolicy {

  /**
   * What a field needs: one of {@code anyOf} roles, every one of {@code permissions}, and, for
   * intelligence reads, a stated purpose.
   */
  record Requirement(Set<Role> anyOf, Set<Permission> permissions, boolean needsPurpose) {

    boolean allows(Caller caller) {
      return anyOf.stream().anyMatch(caller::has) && permissions.stream().allMatch(caller::has);
    }

    String describe() {
      return anyOf.isEmpty() ? "is open to no role" : "needs " + needs();
    }

    /** What a caller must hold, in words, e.g. "the role analyst or investigator". */
    String needs() {
      if (anyOf.isEmpty()) {
        return "a rule opening it to some role, and none has been decided";
      }
      StringBuilder text = new StringBuilder("the role ");
      text.append(String.join(" or ", anyOf.stream().map(Role::claim).sorted().toList()));
      if (!permissions.isEmpty()) {
        text.append(" and the permission ")
            .append(String.join(" and ", permissions.stream().map(Permission::claim).sorted().toList()));
      }
      return text.toString();
    }
  }

  private static final Requirement READER =
      new Requirement(EnumSet.of(Role.ANALYST, Role.INVESTIGATOR), Set.of(), true);
  private static final Requirement INVESTIGATOR =
      new Requirement(EnumSet.of(Role.INVESTIGATOR), Set.of(), true);
  // Auditors read the trail to check others; their own reads are recorded with or without one.
  private static final Requirement AUDITOR =
      new Requirement(EnumSet.of(Role.AUDITOR), Set.of(), false);
  private static final Requirement SENSITIVE_TEXT =
      new Requirement(
          EnumSet.of(Role.ANALYST, Role.INVESTIGATOR),
          EnumSet.of(Permission.RETURN_INTERVIEWS),
          true);
  private static final Requirement MATCH_DECIDER =
      new Requirement(
          EnumSet.of(Role.ANALYST, Role.INVESTIGATOR), EnumSet.of(Permission.MATCH_DECISIONS), true);
  // The national force list is public knowledge; any reader of the service may have it.
  private static final Requirement ANY_READER =
      new Requirement(EnumSet.of(Role.ANALYST, Role.INVESTIGATOR, Role.AUDITOR), Set.of(), false);
  private static final Requirement NOBODY = new Requirement(Set.of(), Set.of(), false);

  static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");

  private static final Map<String, Requirement> RULES =
      Map.ofEntries(
          Map.entry("Query.forces", ANY_READER),
          Map.entry("Query.episode", READER),
          Map.entry("Query.childRecord", READER),
          Map.entry("Query.childByForceRef", READER),
          Map.entry("Query.personByForceRef", READER),
          Map.entry("Query.child", READER),
          Map.entry("Query.person", READER),
          Map.entry("Query.place", READER),
          Map.entry("Query.searchChildren", READER),
          Map.entry("Query.placesOfConcern", READER),
          Map.entry("Query.peopleOfConcern", READER),
          Map.entry("Query.objectsOfConcern", READER),
          Map.entry("Query.possibleMatches", READER),
          Map.entry("Query.children", READER),
          Map.entry("Query.episodes", READER),
          Map.entry("Query.corridors", READER),
          Map.entry("Query.returnInterviewGaps", READER),
          Map.entry("Query.searchPlaces", READER),
          Map.entry("Query.localAuthorities", ANY_READER),
          Map.entry("Query.linkChart", INVESTIGATOR),
          Map.entry("Mutation.decideMatch", MATCH_DECIDER),
          Map.entry("Query.auditTrail", AUDITOR),
          Map.entry("Query.consultations", AUDITOR),
          Map.entry("Query.auditChainVerification", AUDITOR),
          // What the child said is guarded, field by field; whether and when an interview was
          // offered and held (status, offeredAt, completedAt, agency) is about the process, which
          // analysts must be able to check (late, declined, not offered) without the permission.
          Map.entry("ReturnInterview.pushFactors", SENSITIVE_TEXT),
          Map.entry("ReturnInterview.pullFactors", SENSITIVE_TEXT),
          Map.entry("ReturnInterview.disclosures", SENSITIVE_TEXT),
          Map.entry("ReturnInterview.summary", SENSITIVE_TEXT),
          Map.entry("MissingEpisode.notes", SENSITIVE_TEXT));

  private FieldAccessPolicy() {}

  /** Whether someone has decided who may read this field (root fields must all be decided). */
  static boolean decided(String type, String field) {
    return RULES.containsKey(type + "." + field);
  }

  /** Every field with a rule, as {@code Type.field}. */
  static Set<String> ruledFields() {
    return RULES.keySet();
  }

  /** The requirement of a field, or null when the field is open to whoever reached it. */
  static Requirement requirement(String type, String field) {
    Requirement rule = RULES.get(type + "." + field);
    if (rule == null && ROOT_TYPES.contains(type)) {
      return NOBODY;
    }
    return rule;
  }
}

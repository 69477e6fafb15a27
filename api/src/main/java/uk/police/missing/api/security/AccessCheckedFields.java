package uk.police.missing.api.security;

import graphql.execution.ResultPath;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.Map;
import uk.police.missing.graph.intelligence.Evidence;
import java.util.Set;

/**
 * Wraps the data fetcher of every field that {@link FieldAccessPolicy} guards, or that reads a
 * child or a person, when the schema is built: the check runs on the field itself, whatever path
 * the query took to reach it, and every child and person a request reads is noted for the audit.
 */
final class AccessCheckedFields extends GraphQLTypeVisitorStub {

  /** Types whose objects are a child, or carry a child's id. */
  private static final Set<String> CHILD_TYPES = Set.of("Child", "ChildDetails", "ChildRecord");

  /** An episode is about its child, whichever of its fields is read. */
  private static final String EPISODE_TYPE = "MissingEpisode";

  /** An episode given as evidence is about its child too, whichever of its fields is read. */
  private static final String EVIDENCE_TYPE = "Evidence";

  /** Types whose objects are a person, or carry a person's id. */
  private static final Set<String> PERSON_TYPES = Set.of("Person", "Associate");

  @Override
  public TraversalControl visitGraphQLFieldDefinition(
      GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
    if (!(context.getParentNode() instanceof GraphQLObjectType parent)
        || parent.getName().startsWith("__")) {
      return TraversalControl.CONTINUE;
    }
    String type = parent.getName();
    FieldAccessPolicy.Requirement requirement = FieldAccessPolicy.requirement(type, field.getName());
    boolean readsPeople =
        CHILD_TYPES.contains(type)
            || PERSON_TYPES.contains(type)
            || type.equals("ChartNode")
            || type.equals(EPISODE_TYPE)
            || type.equals(EVIDENCE_TYPE);
    if (requirement == null && !readsPeople) {
      return TraversalControl.CONTINUE;
    }
    GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
    FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
    DataFetcher<?> delegate = registry.getDataFetcher(coordinates, field);
    registry.dataFetcher(coordinates, new Checked(delegate, type, field.getName(), requirement));
    return TraversalControl.CONTINUE;
  }

  /**
   * The path with every list index as {@code *}, e.g. {@code
   * childByForceRef.timeline[*].returnInterview.summary}: the same field reached through any item
   * of the same lists has one pattern. Aliases count as written, since they are separate asks.
   */
  static String pathPattern(ResultPath path) {
    StringBuilder pattern = new StringBuilder();
    for (Object segment : path.toList()) {
      if (segment instanceof Integer) {
        pattern.append("[*]");
      } else {
        if (!pattern.isEmpty()) {
          pattern.append('.');
        }
        pattern.append(segment);
      }
    }
    return pattern.toString();
  }

  private record Checked(
      DataFetcher<?> delegate, String type, String field, FieldAccessPolicy.Requirement requirement)
      implements DataFetcher<Object> {

    @Override
    public Object get(DataFetchingEnvironment env) throws Exception {
      Consultation consultation = env.getGraphQlContext().get(Consultation.CONTEXT_KEY);
      String name = type + "." + field;
      if (consultation == null) {
        // Fail closed: a request that bypassed the interceptor setting up the consultation
        // cannot be checked or audited, so it reads nothing.
        throw new AccessRefusedException(
            "the request carries no verified caller",
            name,
            pathPattern(env.getExecutionStepInfo().getPath()),
            "a verified caller");
      }
      if (requirement != null && !requirement.allows(consultation.caller())) {
        return refuse(
            env, consultation, "you may not read " + name + ": it " + requirement.describe(),
            requirement.needs());
      }
      if (requirement != null && requirement.needsPurpose() && consultation.purpose() == null) {
        String needs =
            "the "
                + Consultation.PURPOSE_HEADER
                + " header with a case or incident reference (1 to "
                + Consultation.MAX_PURPOSE
                + " characters)";
        return refuse(
            env, consultation, "state why you are reading " + name + ": send " + needs, needs);
      }
      note(consultation, env.getSource());
      return delegate.get(env);
    }

    /**
     * Refuses the field: every occurrence is noted for the audit, but only the first at each
     * path pattern carries an error. A refused field inside a list (the interview of each of 691
     * episodes of a timeline) would otherwise repeat one error 691 times and bury the rest of
     * the answer; the later occurrences read as null, which is what the error already says.
     */
    private Object refuse(
        DataFetchingEnvironment env, Consultation consultation, String message, String needs) {
      String name = type + "." + field;
      String pattern = pathPattern(env.getExecutionStepInfo().getPath());
      boolean first = consultation.refused(name, pattern);
      // A null without an error on a non-null field would become a non-null violation naming
      // no reason; such a field is refused with its error every time. (No guarded field below
      // the root is non-null today, and a root field occurs once per path.)
      if (first || GraphQLTypeUtil.isNonNull(env.getFieldType())) {
        throw new AccessRefusedException(message, name, pattern, needs);
      }
      return null;
    }

    private void note(Consultation consultation, Object source) {
      if (EVIDENCE_TYPE.equals(type) && source instanceof Evidence evidence) {
        consultation.returnedChild(evidence.childId());
        return;
      }
      if (EPISODE_TYPE.equals(type)
          && source instanceof Map<?, ?> episode
          && episode.get("child") instanceof Map<?, ?> child
          && child.get("id") instanceof String childId) {
        consultation.returnedChild(childId);
        return;
      }
      if (!(source instanceof Map<?, ?> object) || !(object.get("id") instanceof String id)) {
        return;
      }
      if (CHILD_TYPES.contains(type)) {
        consultation.returnedChild(id);
      } else if (PERSON_TYPES.contains(type)) {
        consultation.returnedPerson(id);
      } else if ("Child".equals(object.get("kind"))) {
        consultation.returnedChild(id);
      } else if ("Person".equals(object.get("kind"))) {
        consultation.returnedPerson(id);
      }
    }
  }
}

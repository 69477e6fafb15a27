package uk.police.missing.api.security;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.Map;
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
            || type.equals(EPISODE_TYPE);
    if (requirement == null && !readsPeople) {
      return TraversalControl.CONTINUE;
    }
    GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
    FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
    DataFetcher<?> delegate = registry.getDataFetcher(coordinates, field);
    registry.dataFetcher(coordinates, new Checked(delegate, type, field.getName(), requirement));
    return TraversalControl.CONTINUE;
  }

  private record Checked(
      DataFetcher<?> delegate, String type, String field, FieldAccessPolicy.Requirement requirement)
      implements DataFetcher<Object> {

    @Override
    public Object get(DataFetchingEnvironment env) throws Exception {
      Consultation consultation = env.getGraphQlContext().get(Consultation.CONTEXT_KEY);
      if (consultation == null) {
        // Fail closed: a request that bypassed the interceptor setting up the consultation
        // cannot be checked or audited, so it reads nothing.
        throw new AccessRefusedException("the request carries no verified caller");
      }
      if (requirement != null && !requirement.allows(consultation.caller())) {
        consultation.refused(type + "." + field);
        throw new AccessRefusedException(
            "you may not read " + type + "." + field + ": it " + requirement.describe());
      }
      if (requirement != null && requirement.needsPurpose() && consultation.purpose() == null) {
        consultation.refused(type + "." + field);
        throw new AccessRefusedException(
            "state why you are reading this: send the "
                + Consultation.PURPOSE_HEADER
                + " header with a case or incident reference (1 to "
                + Consultation.MAX_PURPOSE
                + " characters)");
      }
      note(consultation, env.getSource());
      return delegate.get(env);
    }

    private void note(Consultation consultation, Object source) {
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

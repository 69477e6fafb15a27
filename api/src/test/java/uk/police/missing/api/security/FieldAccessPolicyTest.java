package uk.police.missing.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The access policy covers the real schema, and its rules mean what they say. */
class FieldAccessPolicyTest {

  @Test
  void everyRootFieldOfTheSchemaHasADeliberateRule() throws IOException {
    TypeDefinitionRegistry registry = schema();
    List<String> undecided = new ArrayList<>();
    for (String root : List.of("Query", "Mutation")) {
      List<ObjectTypeDefinition> parts = new ArrayList<>();
      registry.getType(root, ObjectTypeDefinition.class).ifPresent(parts::add);
      parts.addAll(registry.objectTypeExtensions().getOrDefault(root, List.of()));
      for (ObjectTypeDefinition part : parts) {
        for (FieldDefinition field : part.getFieldDefinitions()) {
          if (!FieldAccessPolicy.decided(root, field.getName())) {
            undecided.add(root + "." + field.getName());
          }
        }
      }
    }

    // A root field without a rule is closed to everyone; this keeps that from happening unseen.
    assertThat(undecided).isEmpty();
  }

  @Test
  void anUndecidedRootFieldIsOpenToNoOne() {
    Caller everything =
        new Caller("s", "c", "i", EnumSet.allOf(Role.class), EnumSet.allOf(Permission.class), Set.of());

    assertThat(FieldAccessPolicy.requirement("Query", "somethingNew").allows(everything)).isFalse();
  }

  @Test
  void whatTheChildSaidAndTheNotesNeedThePermissionWhateverTheRole() {
    for (String field :
        List.of(
            "ReturnInterview.pushFactors",
            "ReturnInterview.pullFactors",
            "ReturnInterview.disclosures",
            "ReturnInterview.summary",
            "MissingEpisode.notes")) {
      String[] name = field.split("\\.");
      var rule = FieldAccessPolicy.requirement(name[0], name[1]);

      assertThat(rule.allows(caller(EnumSet.of(Role.INVESTIGATOR)))).as(field).isFalse();
      assertThat(rule.allows(caller(EnumSet.of(Role.ANALYST)))).as(field).isFalse();
      assertThat(rule.allows(caller(EnumSet.of(Role.AUDITOR), Permission.RETURN_INTERVIEWS))).as(field).isFalse();
      assertThat(rule.allows(caller(EnumSet.of(Role.ANALYST), Permission.RETURN_INTERVIEWS))).as(field).isTrue();
      assertThat(rule.allows(caller(EnumSet.of(Role.INVESTIGATOR), Permission.RETURN_INTERVIEWS))).as(field).isTrue();
    }
  }

  @Test
  void whetherAndWhenAnInterviewWasHeldIsOpenToWhoeverReachedTheEpisode() {
    assertThat(FieldAccessPolicy.requirement("MissingEpisode", "returnInterview")).isNull();
    for (String field : List.of("status", "offeredAt", "completedAt", "agency")) {
      assertThat(FieldAccessPolicy.requirement("ReturnInterview", field)).as(field).isNull();
    }
  }

  @Test
  void everyRuleNamesAFieldOfTheSchema() throws IOException {
    TypeDefinitionRegistry registry = schema();
    List<String> unknown = new ArrayList<>();
    for (String ruled : FieldAccessPolicy.ruledFields()) {
      String[] name = ruled.split("\\.");
      List<ObjectTypeDefinition> parts = new ArrayList<>();
      registry.getType(name[0], ObjectTypeDefinition.class).ifPresent(parts::add);
      parts.addAll(registry.objectTypeExtensions().getOrDefault(name[0], List.of()));
      if (parts.stream()
          .flatMap(p -> p.getFieldDefinitions().stream())
          .noneMatch(f -> f.getName().equals(name[1]))) {
        unknown.add(ruled);
      }
    }

    // A misspelt rule guards nothing, and the field it meant stays open.
    assertThat(unknown).isEmpty();
  }

  private static TypeDefinitionRegistry schema() throws IOException {
    TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
    for (Resource file :
        new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
      registry.merge(new SchemaParser().parse(file.getInputStream()));
    }
    return registry;
  }

  private static Caller caller(Set<Role> roles, Permission... permissions) {
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    granted.addAll(List.of(permissions));
    return new Caller("s", "c", "i", roles, granted, Set.of());
  }
}

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
    TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
    for (Resource file :
        new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
      registry.merge(new SchemaParser().parse(file.getInputStream()));
    }
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
  void returnInterviewsNeedThePermissionWhateverTheRole() {
    var rule = FieldAccessPolicy.requirement("MissingEpisode", "returnInterview");

    assertThat(rule.allows(caller(EnumSet.of(Role.INVESTIGATOR)))).isFalse();
    assertThat(rule.allows(caller(EnumSet.of(Role.AUDITOR), Permission.RETURN_INTERVIEWS))).isFalse();
    assertThat(rule.allows(caller(EnumSet.of(Role.ANALYST), Permission.RETURN_INTERVIEWS))).isTrue();
  }

  private static Caller caller(Set<Role> roles, Permission... permissions) {
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    granted.addAll(List.of(permissions));
    return new Caller("s", "c", "i", roles, granted, Set.of());
  }
}

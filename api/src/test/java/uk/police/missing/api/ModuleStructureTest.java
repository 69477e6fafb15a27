package uk.police.missing.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Modules depend downward only: api on ingest and graph-model, ingest on graph-model. Checked on
 * the real classpath, where all three modules' classes are present.
 */
class ModuleStructureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("uk.police.missing");

  @Test
  void graphModelKnowsNothingOfIngestOrApi() {
    noClasses()
        .that()
        .resideInAPackage("uk.police.missing.graph..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("uk.police.missing.ingest..", "uk.police.missing.api..")
        .check(classes);
  }

  @Test
  void graphModelKnowsNothingOfHttpOrGraphQl() {
    noClasses()
        .that()
        .resideInAPackage("uk.police.missing.graph..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.web..", "org.springframework.graphql..", "graphql..", "jakarta.servlet..")
        .check(classes);
  }

  @Test
  void ingestKnowsNothingOfApiOrGraphQl() {
    noClasses()
        .that()
        .resideInAPackage("uk.police.missing.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("uk.police.missing.api..", "org.springframework.graphql..", "graphql..")
        .check(classes);
  }

  @Test
  void allThreeModulesAreOnTheClasspathSoTheRulesAreNotVacuous() {
    org.assertj.core.api.Assertions.assertThat(classes.containPackage("uk.police.missing.graph.episode"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(classes.containPackage("uk.police.missing.ingest.episode"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(classes.containPackage("uk.police.missing.api.ingest"))
        .isTrue();
  }
}

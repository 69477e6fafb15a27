package uk.police.missing.ingest.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.ingest.validation.EpisodeValidator;
import uk.police.missing.ingest.validation.LineValidation;

class NationalGeneratorTest {

  private final NationalGenerator generator = new NationalGenerator();

  @Test
  void everyGeneratedRecordFollowsTheContract() {
    var validator = new EpisodeValidator(ForceCatalogue.national().codes());
    List<String> problems = new ArrayList<>();
    generator.generate(
        new NationalGenerator.Options(300, 2, 7, LocalDate.of(2024, 1, 1)),
        line -> {
          if (validator.validate(line) instanceof LineValidation.Invalid invalid) {
            problems.add(invalid.reasons() + " in " + line);
          }
        });

    assertThat(problems).isEmpty();
  }

  @Test
  void theSameSeedGivesTheSameRecords() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    var options = new NationalGenerator.Options(100, 1, 11, LocalDate.of(2024, 1, 1));

    generator.generate(options, first::add);
    generator.generate(options, second::add);

    assertThat(first).isEqualTo(second);
  }

  @Test
  void hasANationalShapeOfAboutThreeEpisodesPerChildAYear() {
    var planted =
        generator.generate(new NationalGenerator.Options(2_000, 1, 3, LocalDate.of(2024, 1, 1)), l -> {});

    // 75,000 children and 220,000 episodes a year nationally: about 2.9 per child.
    assertThat((double) planted.records() / 2_000).isBetween(2.4, 3.4);
    assertThat(planted.hotspots()).isNotEmpty();
    assertThat(planted.multiForceChildren()).isNotEmpty();
    assertThat(planted.decoys()).anyMatch(NationalGenerator.Decoy::swappedBirthDate);
    assertThat(planted.exploiters()).isNotEmpty();
    assertThat(planted.phoneOnlyAdults()).isNotEmpty();
    assertThat(planted.repeatChildren()).isNotEmpty();
    assertThat(planted.nearMisses()).isNotEmpty();
    assertThat(planted.corridors()).isNotEmpty();
    assertThat(planted.outOfAreaPlacements()).isNotEmpty();
  }

  @Test
  void writesInstantsAsTheIsoFormatterDoes() {
    var random = new java.util.Random(1);
    var t = java.time.OffsetDateTime.of(2016, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC);
    for (int i = 0; i < 1_000; i++) {
      t = t.plusMinutes(random.nextInt(100_000));
      assertThat(Records.instant(t)).isEqualTo(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
    }
  }
}

package uk.police.missing.graph.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.police.missing.graph.linkage.ChildComparison.Child;
import uk.police.missing.graph.linkage.ChildComparison.Field;

class ChildMatchModelTest {

  private static final ChildMatchModel.Frequencies SMALL_STORE = frequencies(1, 1, 100);

  @ParameterizedTest(name = "{0} {1} / {2} {3}")
  @CsvSource({
    "callum, 2010-10-29, cal, 2010-10-29, SHORT_FORM, given names: Cal is a short form of Callum",
    "elizabeth, 2011-04-29, beth, 2011-04-29, SHORT_FORM, given names: Beth is a short form of Elizabeth",
    "liz, 2011-04-29, beth, 2011-04-29, SHORT_FORM, given names: Liz and Beth are short forms of Elizabeth",
    "arthur, 2013-02-09, arthr, 2013-02-09, CLOSE, given names: Arthur and Arthr differ by one letter",
    "aleksandra, 2007-06-07, alexandra, 2007-06-07, TRANSLITERATION, given names: Aleksandra and Alexandra are spellings of one name",
    "jayden, 2008-09-23, jaden, 2008-09-23, CLOSE, given names: Jayden and Jaden differ by one letter",
    "james, 2008-09-23, jaems, 2008-09-23, CLOSE, given names: James and Jaems differ by two letters swapped",
    "isla, 2005-02-20, isla, 2005-02-19, EXACT, dates of birth: 2005-02-20 and 2005-02-19 are 1 day apart",
    "leo, 2014-08-02, leo, 2014-07-23, EXACT, dates of birth: 2014-08-02 and 2014-07-23 are 10 days apart",
    "leo, 2014-12-30, leo, 2015-01-02, EXACT, dates of birth: 2014-12-30 and 2015-01-02 are 3 days apart",
  })
  void eachWayOfWritingTheSameChildMeetsUnderAKeyAndIsLikelyOneChild(
      String givenA, LocalDate bornA, String givenB, LocalDate bornB, String givenLevel, String reason) {
    Child a = child(givenA, "quillfeather", bornA, "MALE");
    Child b = child(givenB, "quillfeather", bornB, "MALE");

    assertThat(keys(a)).containsAnyElementsOf(keys(b));
    var levels = ChildComparison.compare(a, b);
    assertThat(levels.get(0).level()).isEqualTo(givenLevel);
    var scored = ChildMatchModel.score(levels, SMALL_STORE);
    assertThat(scored.reasons()).contains(reason).hasSize(4);
    assertThat(scored.probability()).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void twinsScoreFarUnderTheThreshold() {
    Child ruby = child("ruby", "quillfeather", LocalDate.parse("2012-05-06"), "FEMALE");
    Child oscar = child("oscar", "quillfeather", LocalDate.parse("2012-05-06"), "MALE");

    assertThat(keys(ruby)).containsAnyElementsOf(keys(oscar));
    var scored = ChildMatchModel.score(ChildComparison.compare(ruby, oscar), SMALL_STORE);
    assertThat(scored.probability()).isLessThan(0.05);
    assertThat(scored.reasons())
        .contains("given names: Ruby and Oscar differ", "sex: FEMALE and MALE differ");
  }

  @Test
  void theContractsOwnRuleIsAFloorTheModelDoesNotLower() {
    Child estimated = new Child(List.of("kayla"), "oneill", List.of("oneill"),
        LocalDate.parse("2010-01-01"), true, "FEMALE", null, null);
    Child known = child("kayla", "oneill", LocalDate.parse("2010-07-19"), "FEMALE");
    var levels = ChildComparison.compare(estimated, known);

    assertThat(ChildMatchModel.score(levels, SMALL_STORE).probability()).isLessThan(0.5);
    assertThat(ChildComparison.contractPossibleMatch(levels)).isTrue();
    assertThat(ChildComparison.contractPossibleMatch(ChildComparison.compare(
            child("kayla", "oneill", LocalDate.parse("2010-07-19"), "FEMALE"),
            child("kayla", "oneill", LocalDate.parse("2010-07-28"), "FEMALE"))))
        .as("nine days apart is the model's to judge, not the contract's")
        .isFalse();
  }

  @Test
  void aSharedCommonNameSaysLessThanARareOne() {
    Child a = child("olivia", "smith", LocalDate.parse("2010-07-19"), "FEMALE");
    Child b = child("olivia", "smith", LocalDate.parse("2010-07-18"), "FEMALE");
    var levels = ChildComparison.compare(a, b);

    double rare = ChildMatchModel.score(levels, frequencies(2, 2, 800_000)).weight();
    double common = ChildMatchModel.score(levels, frequencies(6_000, 9_000, 800_000)).weight();

    assertThat(common).isLessThan(rare - 6);
  }

  @Test
  void aDifferentPncIdWeighsHeavilyAgainst() {
    Child a = new Child(List.of("cal"), "quillfeather", List.of("quillfeather"),
        LocalDate.parse("2010-10-29"), false, "MALE", "10/123A", null);
    Child b = new Child(List.of("callum"), "quillfeather", List.of("quillfeather"),
        LocalDate.parse("2010-10-29"), false, "MALE", "11/999Z", null);

    assertThat(ChildMatchModel.score(ChildComparison.compare(a, b), SMALL_STORE).probability())
        .isLessThan(0.5);
  }

  @Test
  void oneLetterOrOtherScriptNamesGiveNoKeysAndAKeyCountThatIsBounded() {
    LocalDate born = LocalDate.parse("2010-12-20");
    assertThat(ChildBlocking.keys(List.of("j"), "smith", List.of("smith"), born, false)).isEmpty();
    assertThat(ChildBlocking.keys(List.of("cal"), "", List.of(), born, false)).isEmpty();
    // 'al' is a short form of a dozen names: too many to find candidates by.
    List<String> many = ChildBlocking.keys(List.of("al", "alex", "sam"), "smith-jones".replace("-", ""),
        List.of("smith", "jones"), born, true);
    assertThat(many.size()).isLessThan(150);
  }

  private static List<String> keys(Child c) {
    return ChildBlocking.keys(c.givenNames(), c.family(), c.familyParts(), c.dateOfBirth(), false);
  }

  private static Child child(String given, String family, LocalDate born, String sex) {
    return new Child(List.of(given), family, List.of(family), born, false, sex, null, null);
  }

  private static ChildMatchModel.Frequencies frequencies(long given, long family, long total) {
    return new ChildMatchModel.Frequencies() {
      @Override
      public long records(Field field, String name) {
        return field == Field.GIVEN_NAME ? given : family;
      }

      @Override
      public long total() {
        return total;
      }
    };
  }
}

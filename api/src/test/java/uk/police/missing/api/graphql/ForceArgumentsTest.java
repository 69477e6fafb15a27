package uk.police.missing.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.police.missing.graph.force.ForceCatalogue;

/** Force code arguments: any case is read as upper case, and a code off the list is refused. */
class ForceArgumentsTest {

  private final ForceArguments forces = new ForceArguments(ForceCatalogue.national());

  @Test
  void readsACodeInAnyCaseAsItsUpperCaseForm() {
    assertThat(forces.one("force", "gmp")).isEqualTo("GMP");
    assertThat(forces.one("force", "Wmp")).isEqualTo("WMP");
    assertThat(forces.one("force", "GMP")).isEqualTo("GMP");
  }

  @Test
  void leavesAnOptionalForceLeftOutAsNone() {
    assertThat(forces.one("force", null)).isNull();
    assertThat(forces.many("forces", null)).isNull();
  }

  @Test
  void refusesACodeOffTheListNamingTheArgument() {
    assertThatThrownBy(() -> forces.one("force", "XYZ"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("force: 'XYZ' is not a force code; the forces query lists them")
        .extracting(e -> ((InvalidArgumentException) e).argument())
        .isEqualTo("force");
    assertThatThrownBy(() -> forces.one("force", "")).hasMessageStartingWith("force: '' is not");
    assertThatThrownBy(() -> forces.one("force", " GMP")).hasMessageStartingWith("force: ' GMP' is not");
  }

  @Test
  void readsAListInOrderEachCodeOnce() {
    assertThat(forces.many("forces", List.of("wmp", "GMP", "Wmp"))).containsExactly("WMP", "GMP");
    assertThat(forces.many("forces", List.of())).isEmpty();
  }

  @Test
  void refusesAListNamingEveryCodeOffItUpToFive() {
    assertThatThrownBy(() -> forces.many("forces", List.of("GMP", "XYZ")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("forces: 'XYZ' is not a force code; the forces query lists them");
    assertThatThrownBy(() -> forces.many("forces", Arrays.asList("A", null, "B", "C", "D", "E", "F")))
        .hasMessage(
            "forces: 'A', null, 'B', 'C', 'D' and 2 more are not force codes; the forces query lists them");
  }

  @Test
  void describesAHostileValueByItsLengthWithoutQuotingIt() {
    assertThatThrownBy(() -> forces.one("force", "x".repeat(10_000)))
        .hasMessage("force: a value of 10000 characters is not a force code; the forces query lists them");
    assertThatThrownBy(() -> forces.one("force", "x'}) MATCH (n) DETACH DELETE n //"))
        .hasMessage("force: a value of 33 characters is not a force code; the forces query lists them");
    assertThatThrownBy(() -> forces.one("force", "G\nMP"))
        .hasMessage("force: a value of 4 characters is not a force code; the forces query lists them");
  }
}

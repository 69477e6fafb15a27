package uk.police.missing.ingest.synthetic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import uk.police.missing.graph.area.Area;
import uk.police.missing.graph.area.AreaDirectory;
import uk.police.missing.graph.area.LocalAuthority;
import uk.police.missing.graph.force.Force;
import uk.police.missing.graph.force.ForceCatalogue;

/**
 * The generator's map: the real postcode districts of each force area and the children's services
 * authorities in them, from the service's own reference lists, so every invented place is placed
 * by the same lookup the service uses. Postcode units (the part after the space) are invented.
 */
final class Areas {

  // Letters that real inward codes use (never C, I, K, M, O or V).
  private static final String UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
  // Cities whose metropolitan council calls itself a city council.
  private static final Set<String> CITIES =
      Set.of("Birmingham", "Bradford", "Coventry", "Leeds", "Liverpool", "Manchester",
          "Newcastle upon Tyne", "Salford", "Sheffield", "Sunderland", "Wakefield", "Wolverhampton");

  private final AreaDirectory directory;
  private final List<String> placeable = new ArrayList<>();
  private final List<String> territorial = new ArrayList<>();
  private final Map<String, List<String>> districtsByForce = new LinkedHashMap<>();
  private final Map<String, List<String>> districtsByAuthority = new LinkedHashMap<>();
  private final Map<String, List<LocalAuthority>> authoritiesByForce = new LinkedHashMap<>();
  private final List<String> forcesWithAuthorities = new ArrayList<>();
  private final Map<String, Area> byDistrict = new HashMap<>();

  Areas(AreaDirectory directory, ForceCatalogue catalogue, String[] forces) {
    this.directory = directory;
    for (String force : forces) {
      if (force.equals(NationalGenerator.BTP)) {
        placeable.add(force);
        continue;
      }
      List<String> districts = directory.districtsIn(force);
      if (districts.isEmpty()) {
        String country = catalogue.find(force).map(Force::country).orElse("");
        if (country.equals("England") || country.equals("Wales")) {
          throw new IllegalStateException(
              "the postcode district list places no district in the area of force " + force
                  + ": the generator needs the national list");
        }
        // Outside England and Wales the list may stop short (Northern Ireland's postcodes are
        // licensed apart): a force whose area it does not cover records no children here.
        continue;
      }
      placeable.add(force);
      territorial.add(force);
      districtsByForce.put(force, districts);
      for (String district : districts) {
        LocalAuthority authority = area(district).authority();
        // A district is an authority's only when both lists agree on the force area.
        if (authority != null && authority.forceArea().equals(force)) {
          districtsByAuthority.computeIfAbsent(authority.code(), k -> new ArrayList<>()).add(district);
        }
      }
    }
    for (LocalAuthority authority : directory.authorities()) {
      if (districtsByAuthority.containsKey(authority.code())) {
        authoritiesByForce.computeIfAbsent(authority.forceArea(), k -> new ArrayList<>()).add(authority);
      }
    }
    territorial.stream().filter(authoritiesByForce::containsKey).forEach(forcesWithAuthorities::add);
  }

  /**
   * The forces whose children the generator can place, in its order: those whose area the list
   * covers, and British Transport Police.
   */
  List<String> forces() {
    return placeable;
  }

  /** {@code n} different forces of {@link #forces()}. */
  List<String> distinctForces(Random random, int n) {
    List<String> picked = new ArrayList<>();
    while (picked.size() < n) {
      String f = placeable.get(random.nextInt(placeable.size()));
      if (!picked.contains(f)) {
        picked.add(f);
      }
    }
    return picked;
  }

  /** The forces with an area of their own that the list covers, in the generator's order. */
  List<String> territorial() {
    return territorial;
  }

  /** Forces whose area holds children's services authorities (England and Wales). */
  List<String> forcesWithAuthorities() {
    return forcesWithAuthorities;
  }

  /** The force area a force's children live in: its own, or any for British Transport Police. */
  String homeArea(Random random, String force) {
    return force.equals(NationalGenerator.BTP) ? territorial.get(random.nextInt(territorial.size())) : force;
  }

  /** A district of a force area. */
  String district(Random random, String forceArea) {
    List<String> districts = districtsByForce.get(forceArea);
    return districts.get(random.nextInt(districts.size()));
  }

  /** A district of an authority, which has at least one. */
  String district(Random random, LocalAuthority authority) {
    List<String> districts = districtsByAuthority.get(authority.code());
    return districts.get(random.nextInt(districts.size()));
  }

  /** An authority of a force area that has districts, or null outside England and Wales. */
  LocalAuthority authority(Random random, String forceArea) {
    List<LocalAuthority> authorities = authoritiesByForce.get(forceArea);
    return authorities == null ? null : authorities.get(random.nextInt(authorities.size()));
  }

  /** Another authority than {@code not}: in the same force area if {@code sameForce}, else not. */
  LocalAuthority otherAuthority(Random random, LocalAuthority not, boolean sameForce) {
    List<LocalAuthority> pool = new ArrayList<>();
    if (sameForce) {
      authoritiesByForce.get(not.forceArea()).stream().filter(a -> !a.equals(not)).forEach(pool::add);
    }
    if (pool.isEmpty()) {
      String force;
      do {
        force = forcesWithAuthorities.get(random.nextInt(forcesWithAuthorities.size()));
      } while (force.equals(not.forceArea()));
      return authority(random, force);
    }
    return pool.get(random.nextInt(pool.size()));
  }

  Area area(String district) {
    return byDistrict.computeIfAbsent(district, d -> directory.ofPostcode(d).orElseThrow());
  }

  /** An invented postcode in a real district: {@code B12 3XY}. */
  static String postcode(Random random, String district) {
    return district + ' ' + random.nextInt(10) + UNIT_LETTERS.charAt(random.nextInt(UNIT_LETTERS.length()))
        + UNIT_LETTERS.charAt(random.nextInt(UNIT_LETTERS.length()));
  }

  /** A position within about 200 metres of a district's centre, {latitude, longitude}. */
  double[] near(Random random, String district) {
    double[] centre = directory.centre(district).orElseThrow();
    return new double[] {
      round(centre[0] + (random.nextDouble() - 0.5) * 0.003),
      round(centre[1] + (random.nextDouble() - 0.5) * 0.004)
    };
  }

  private static double round(double degrees) {
    return Math.round(degrees * 100_000) / 100_000.0;
  }

  /**
   * An authority as one force's system writes it: the GSS code, the name in capitals, the
   * council's own name ({@code Birmingham City Council}, {@code London Borough of Camden}) or
   * the name as ONS lists it ({@code Bristol, City of}).
   */
  static String written(LocalAuthority authority, int style) {
    return switch (style % 4) {
      case 0 -> authority.code();
      case 1 -> authority.name().toUpperCase(Locale.ROOT);
      case 2 -> councilName(authority);
      default -> authority.name();
    };
  }

  static String councilName(LocalAuthority authority) {
    String name = authority.name().replace(", City of", "").replace(", County of", "");
    String kind = authority.code().substring(0, 3);
    return switch (kind) {
      case "E09" -> switch (name) {
        case "City of London", "Westminster" -> name.startsWith("City") ? name : "City of " + name;
        case "Kensington and Chelsea", "Kingston upon Thames" -> "Royal Borough of " + name;
        default -> "London Borough of " + name;
      };
      case "E08" -> name + (CITIES.contains(name) ? " City Council" : " Metropolitan Borough Council");
      case "E10" -> name + " County Council";
      default -> name + (authority.name().endsWith(", City of") ? " City Council" : " Council");
    };
  }
}

package uk.police.missing.ingest.synthetic;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.ingest.synthetic.Homes.Home;
import uk.police.missing.ingest.synthetic.NationalGenerator.ReturnInterviews;

/**
 * Writes children and episodes as the contract's JSON: names, concerns, risk, where a child was
 * found and how their return home interview went. Counts the interviews as it goes, so the
 * generator can say how many of each kind it wrote.
 */
final class Records {

  // Common given and family names: invented combinations, no real person behind any of them.
  static final String[] GIVEN = {
    "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia",
    "Grace", "Freya", "Evie", "Poppy", "Ella", "Noah", "Oliver", "George", "Leo", "Arthur",
    "Muhammad", "Harry", "Oscar", "Archie", "Henry", "Jack", "Charlie", "Freddie", "Theo", "Alfie",
    "Zoë", "Aoife", "Siobhán", "Kai", "Reuben", "Tyler", "Jayden", "Kayden", "Nia", "Amara",
    "Maya", "Layla", "Hallie", "Esme", "Daisy", "Willow", "Elsie", "Harper", "Sienna", "Phoebe",
    "Ruby", "Millie", "Imogen", "Matilda", "Luna", "Aria", "Eliza", "Orla", "Ffion", "Maisie",
    "Jacob", "Thomas", "Joshua", "William", "James", "Lucas", "Max", "Ethan", "Finley", "Isaac",
    "Mason", "Logan", "Ibrahim", "Yusuf", "Dylan", "Rhys", "Callum", "Ronan", "Ezra", "Tobias"
  };
  static final String[] FAMILY = {
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
    "Jackson", "Clarke", "O'Connor", "McDonald", "Ahmed", "Khan", "Ali", "Patel", "Begum",
    "Hughes", "Edwards", "Lewis", "Price", "Kowalski", "Nowak", "Okafor", "Mensah", "Da Silva"
  };
  // Most children's family names are not among the common few: invented names of two parts give
  // the population the spread real names have, so that children who share both name and date
  // of birth (and are one child by the contract's rule) are as rare as they are in life.
  static final String[] FAMILY_START = {
    "Ash", "Brack", "Carr", "Dun", "Elm", "Fair", "Gold", "Hart", "Ivy", "Kes", "Lang", "Mar",
    "Nor", "Oak", "Pen", "Quar", "Ross", "Stan", "Thorn", "Ux", "Vale", "Wes", "Yar", "Zel"
  };
  static final String[] FAMILY_END = {
    "bury", "by", "combe", "dale", "field", "ford", "gate", "ham", "hurst", "ley", "more",
    "stead", "ton", "well", "wood", "worth"
  };
  // Endings no population name has: a planted child whose answer is counted shares name and
  // date of birth with no child of the population, so the firm rule joins nothing to it.
  static final String[] PLANTED_END = {"wick", "ridge", "brook", "holme", "thwaite", "cott", "shaw", "low"};
  static final String[] STREETS = {"Mill", "Station", "Church", "Park", "Victoria", "Canal", "Market", "Albert"};
  static final String[] SUFFIX = {"Street", "Road", "Avenue", "Lane"};
  static final String[] RISK = {"HIGH", "MEDIUM", "MEDIUM", "LOW", "LOW", "LOW", "NO_APPARENT_RISK"};
  // Where there is a named concern, risk is graded higher, but not always.
  static final String[] RISK_WITH_CONCERN = {"HIGH", "HIGH", "MEDIUM", "MEDIUM", "MEDIUM", "LOW"};
  // Concerns as often as they are recorded, roughly: mental health and substances first.
  static final String[] CONCERNS = {
    "MENTAL_HEALTH", "MENTAL_HEALTH", "MENTAL_HEALTH", "SELF_HARM", "SELF_HARM", "SUBSTANCE_MISUSE",
    "SUBSTANCE_MISUSE", "ALCOHOL_MISUSE", "CSE", "CSE", "CCE", "CCE", "COUNTY_LINES",
    "GANG_ASSOCIATION", "ONLINE_GROOMING", "DOMESTIC_ABUSE", "MISSING_EDUCATION", "SUICIDE_RISK"
  };
  static final String[] PUSH = {"FAMILY_CONFLICT", "PLACEMENT_CONFLICT", "BOUNDARIES", "SCHOOL_PROBLEMS", "MENTAL_HEALTH", "BULLYING"};
  static final String[] PULL = {"FRIENDS", "FRIENDS", "RELATIONSHIP", "FAMILY", "DRUGS_OR_ALCOHOL", "OLDER_PARTNER", "GIFTS_OR_MONEY", "GANG"};

  /** A child as one force records them. */
  record Child(String ref, String given, String family, LocalDate dob, List<String> aliases, Home home, List<String> flags) {}

  final JsonMapper json = JsonMapper.builder().build();
  private final long[] interviews = new long[Interview.values().length];

  /** How a found episode's return home interview went. */
  enum Interview { IN_TIME, LATE, DECLINED, NOT_OFFERED, OFFERED_ONLY, NOT_RECORDED }

  // Out of 100 found episodes; see docs/intelligence.md for where the shares come from.
  private static final int[] INTERVIEW_SHARES = {32, 18, 15, 10, 10, 15};

  Child child(Random random, String ref, LocalDate dob, Home home, List<String> flags) {
    return new Child(ref, GIVEN[random.nextInt(GIVEN.length)], familyName(random), dob, List.of(), home, flags);
  }

  // A common family name for three children in ten; an invented one for the others.
  static String familyName(Random random) {
    if (random.nextInt(10) < 3) {
      return FAMILY[random.nextInt(FAMILY.length)];
    }
    return FAMILY_START[random.nextInt(FAMILY_START.length)] + FAMILY_END[random.nextInt(FAMILY_END.length)];
  }

  /** The {@code n}th planted family name: never a population name; repeats every 192. */
  static String plantedFamilyName(int n) {
    return FAMILY_START[n % FAMILY_START.length] + PLANTED_END[(n / FAMILY_START.length) % PLANTED_END.length];
  }

  /** The {@code n}th planted child's given name: with the family name, unique below 3,072. */
  static String plantedGivenName(int n) {
    return GIVEN[(n / 192 + 7 * n) % GIVEN.length];
  }

  /** Concerns a child of the population carries: a few, more often in care. */
  static List<String> flags(Random random, boolean lookedAfter) {
    int roll = random.nextInt(100);
    if (roll >= (lookedAfter ? 30 : 8)) {
      return List.of();
    }
    Set<String> flags = new LinkedHashSet<>();
    flags.add(CONCERNS[random.nextInt(CONCERNS.length)]);
    if (lookedAfter && roll < 12) {
      flags.add(CONCERNS[random.nextInt(CONCERNS.length)]);
    }
    return List.copyOf(flags);
  }

  /**
   * One episode, found: reported at {@code reported}, found at {@code foundPlace} some hours
   * later. {@code concerns} are this episode's risk factors besides those of the child's flags
   * that the force records this time.
   */
  ObjectNode episode(
      Random random, String force, String ref, Child child, OffsetDateTime reported,
      ObjectNode foundPlace, ObjectNode associate, List<String> concerns) {
    ObjectNode r = json.createObjectNode();
    r.put("schemaVersion", 1);
    r.put("force", force);
    r.put("episodeRef", ref.length() > 60 ? ref.substring(0, 60) : ref);
    r.put("recordVersion", 1);
    ObjectNode c = r.putObject("child");
    c.put("personRef", child.ref());
    c.put("givenName", child.given());
    c.put("familyName", child.family());
    if (!child.aliases().isEmpty()) {
      ArrayNode aka = c.putArray("alsoKnownAs");
      child.aliases().forEach(aka::add);
    }
    c.put("dateOfBirth", child.dob().toString());
    Home home = child.home();
    c.put("careStatus", home.careStatus());
    if (home.responsibleAuthority() != null) {
      c.put("responsibleAuthority", home.responsibleAuthority());
    }
    if (!child.flags().isEmpty()) {
      ArrayNode flags = c.putArray("flags");
      child.flags().forEach(flags::add);
    }
    r.put("reportedAt", instant(reported));
    ObjectNode from = r.putObject("missingFrom");
    from.put("kind", home.lookedAfter() ? "CHILDRENS_HOME" : "HOME");
    from.set("place", home.place());
    Set<String> factors = new LinkedHashSet<>(concerns);
    if (!child.flags().isEmpty() && random.nextInt(10) < 6) {
      factors.addAll(child.flags());
    } else if (factors.isEmpty() && random.nextInt(100) < 8) {
      factors.add(CONCERNS[random.nextInt(CONCERNS.length)]);
    }
    ObjectNode risk = r.putObject("risk");
    String[] levels = factors.isEmpty() ? RISK : RISK_WITH_CONCERN;
    risk.put("level", levels[random.nextInt(levels.length)]);
    risk.put("assessedAt", instant(reported.plusMinutes(15)));
    if (!factors.isEmpty()) {
      ArrayNode f = risk.putArray("factors");
      factors.forEach(f::add);
    }
    r.put("status", "FOUND");
    ObjectNode found = r.putObject("found");
    OffsetDateTime foundAt = reported.plusHours(6 + random.nextInt(60)).plusMinutes(random.nextInt(60));
    found.put("at", instant(foundAt));
    found.set("place", foundPlace);
    found.put("foundBy", "POLICE");
    if (associate != null) {
      found.putArray("withPeople").add(associate.get("personRef").stringValue());
      r.putArray("associates").add(associate);
    }
    returnInterview(random, r, foundAt, factors);
    return r;
  }

  private void returnInterview(Random random, ObjectNode r, OffsetDateTime foundAt, Set<String> factors) {
    Interview kind = interview(random);
    interviews[kind.ordinal()]++;
    if (kind == Interview.NOT_RECORDED) {
      return;
    }
    ObjectNode rhi = r.putObject("returnInterview");
    OffsetDateTime offered = foundAt.plusHours(2 + random.nextInt(kind == Interview.IN_TIME ? 9 : 30));
    switch (kind) {
      case IN_TIME, LATE -> {
        rhi.put("status", "COMPLETED");
        rhi.put("offeredAt", instant(offered));
        // In time: done between 12 and 70 hours after being found; late: 74 hours to 10 days.
        int hours = kind == Interview.IN_TIME ? 12 + random.nextInt(59) : 74 + random.nextInt(166);
        rhi.put("completedAt", instant(foundAt.plusHours(hours).plusMinutes(random.nextInt(60))));
        if (random.nextBoolean()) {
          rhi.putArray("pushFactors").add(PUSH[random.nextInt(PUSH.length)]);
        }
        if (random.nextBoolean()) {
          rhi.putArray("pullFactors").add(PULL[random.nextInt(PULL.length)]);
        }
        if (!factors.isEmpty()) {
          rhi.putArray("disclosures").add(factors.iterator().next());
        }
      }
      case DECLINED -> {
        rhi.put("status", "DECLINED");
        rhi.put("offeredAt", instant(offered));
      }
      case OFFERED_ONLY -> {
        rhi.put("status", "OFFERED");
        rhi.put("offeredAt", instant(offered));
      }
      default -> rhi.put("status", "NOT_REQUIRED");
    }
  }

  private static Interview interview(Random random) {
    int roll = random.nextInt(100);
    for (Interview kind : Interview.values()) {
      roll -= INTERVIEW_SHARES[kind.ordinal()];
      if (roll < 0) {
        return kind;
      }
    }
    return Interview.NOT_RECORDED;
  }

  /** Takes back the count of an episode's interview, for an episode withdrawn later. */
  void uncount(ObjectNode record) {
    ObjectNode rhi = (ObjectNode) record.get("returnInterview");
    Interview kind;
    if (rhi == null) {
      kind = Interview.NOT_RECORDED;
    } else {
      kind = switch (rhi.get("status").stringValue()) {
        case "COMPLETED" -> OffsetDateTime.parse(rhi.get("completedAt").stringValue())
                .isAfter(OffsetDateTime.parse(record.get("found").get("at").stringValue()).plusHours(72))
            ? Interview.LATE : Interview.IN_TIME;
        case "DECLINED" -> Interview.DECLINED;
        case "OFFERED" -> Interview.OFFERED_ONLY;
        default -> Interview.NOT_OFFERED;
      };
    }
    interviews[kind.ordinal()]--;
  }

  ReturnInterviews interviews() {
    return new ReturnInterviews(
        interviews[0], interviews[1], interviews[2], interviews[3], interviews[4], interviews[5]);
  }

  /** A private address no other child is likely to share. */
  ObjectNode address(Random random, String district, String kind) {
    ObjectNode place = json.createObjectNode();
    place.put("postcode", Areas.postcode(random, district));
    place.putArray("addressLines").add(street(random));
    place.put("kind", kind);
    return place;
  }

  static String street(Random random) {
    return (1 + random.nextInt(300)) + " " + STREETS[random.nextInt(STREETS.length)] + " " + SUFFIX[random.nextInt(SUFFIX.length)];
  }

  /** A place with coordinates as well as its postcode and name. */
  ObjectNode placeWithGeo(String name, String postcode, String line, double[] geo, String kind) {
    ObjectNode place = json.createObjectNode();
    if (name != null) {
      place.put("name", name);
    }
    if (line != null) {
      place.putArray("addressLines").add(line);
    }
    place.put("postcode", postcode);
    if (geo != null) {
      ObjectNode g = place.putObject("geo");
      g.put("lat", geo[0]);
      g.put("lon", geo[1]);
    }
    place.put("kind", kind);
    return place;
  }

  /** An adult linked to a child: named, or only by a street name or a phone. */
  ObjectNode associate(String ref, String role, String given, String family, String dob, String streetName, String phone) {
    ObjectNode a = json.createObjectNode();
    a.put("personRef", ref);
    a.put("role", role);
    if (given != null) {
      a.put("givenName", given);
      a.put("familyName", family);
    }
    if (dob != null) {
      a.put("dateOfBirth", dob);
    }
    if (streetName != null) {
      a.putArray("alsoKnownAs").add(streetName);
    }
    a.putArray("phones").add(phone);
    return a;
  }

  /**
   * RFC 3339 in UTC with the seconds, as {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} writes
   * whole seconds at offset zero ({@code 2016-01-12T15:15:00Z}), several times faster: a ten-year
   * file writes ten million of them.
   */
  static String instant(OffsetDateTime t) {
    if (t.getOffset().getTotalSeconds() != 0 || t.getNano() != 0 || t.getYear() < 1000 || t.getYear() > 9999) {
      return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    char[] c = new char[20];
    digits(c, 0, t.getYear(), 4);
    c[4] = '-';
    digits(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, t.getHour(), 2);
    c[13] = ':';
    digits(c, 14, t.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, t.getSecond(), 2);
    c[19] = 'Z';
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  static String spelling(String name, int variant) {
    return switch (variant) {
      case 0 -> name;
      case 1 -> name.toUpperCase(Locale.ROOT).replace("'", "");
      default -> name.replace("'", " ").replace("ë", "e").replace("á", "a");
    };
  }
}

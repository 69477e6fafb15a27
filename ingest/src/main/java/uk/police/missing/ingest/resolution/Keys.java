package uk.police.missing.ingest.resolution;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import uk.police.missing.graph.episode.EpisodeWrite;
import uk.police.missing.graph.linkage.ChildNames;

/** Normalised identity keys for the things records mention. */
public final class Keys {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern NOT_ALNUM = Pattern.compile("[^A-Z0-9]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  // The common abbreviations of British address lines; applied to whole words only.
  private static final Map<String, String> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("ST", "STREET"),
          Map.entry("RD", "ROAD"),
          Map.entry("AVE", "AVENUE"),
          Map.entry("AV", "AVENUE"),
          Map.entry("LN", "LANE"),
          Map.entry("DR", "DRIVE"),
          Map.entry("CT", "COURT"),
          Map.entry("CL", "CLOSE"),
          Map.entry("PL", "PLACE"),
          Map.entry("SQ", "SQUARE"),
          Map.entry("CRES", "CRESCENT"),
          Map.entry("GDNS", "GARDENS"),
          Map.entry("TER", "TERRACE"),
          Map.entry("TERR", "TERRACE"),
          Map.entry("PK", "PARK"),
          Map.entry("HSE", "HOUSE"),
          Map.entry("STN", "STATION"));

  private Keys() {}

  /**
   * A phone number in international (E.164) form, reading national numbers as UK ones: {@code
   * 07700 900123} and {@code +44 7700 900123} both give {@code +447700900123}. A number that
   * cannot be parsed keeps its digits (and a leading +) so it still meets its exact twin.
   */
  public static String phone(String written) {
    try {
      var number = PHONES.parse(written, "GB");
      return PHONES.format(number, PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      String digits = written.replaceAll("[^0-9]", "");
      return written.strip().startsWith("+") ? "+" + digits : digits;
    }
  }

  /** A vehicle registration mark, case and spaces ignored: {@code ab12 cde} gives {@code AB12CDE}. */
  public static String registration(String written) {
    return written.replace(" ", "").toUpperCase(Locale.ROOT);
  }

  /** A UK postcode without spaces, upper case: {@code m1 1aa} gives {@code M11AA}. */
  public static String postcode(String written) {
    return written.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  /**
   * An address line or place name for comparison: accents, case, punctuation and spacing set
   * aside, and common abbreviations written out ({@code 2 Wharf Rd.} gives {@code 2 WHARF ROAD}).
   */
  public static String addressText(String written) {
    String plain = MARKS.matcher(Normalizer.normalize(written, Normalizer.Form.NFD)).replaceAll("");
    String upper = NOT_ALNUM.matcher(plain.toUpperCase(Locale.ROOT)).replaceAll(" ").strip();
    if (upper.isEmpty()) {
      return upper;
    }
    StringBuilder out = new StringBuilder();
    for (String word : upper.split(" ")) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(ABBREVIATIONS.getOrDefault(word, word));
    }
    return out.toString();
  }

  /**
   * A name for comparison: accents, case, spacing, hyphens, apostrophes and other punctuation
   * set aside ({@code O'Neill}, {@code ONEILL} and {@code O Neill} all give {@code oneill}).
   */
  public static String name(String written) {
    return ChildNames.normalise(written);
  }

  /**
   * The keys by which two records are the same child: the PNC id; or the date of birth with the
   * name, where every alias counts as a given name. An estimated date of birth gives no key, and
   * neither does a name without a date of birth: children who only share a name stay apart.
   */
  public static List<String> child(
      String pncId,
      java.time.LocalDate dateOfBirth,
      boolean dateOfBirthEstimated,
      String givenName,
      String familyName,
      List<String> aliases) {
    var keys = new java.util.TreeSet<String>();
    if (pncId != null) {
      keys.add("child:pnc:" + pncId.toUpperCase(Locale.ROOT));
    }
    if (dateOfBirth != null && !dateOfBirthEstimated && familyName != null) {
      String family = name(familyName);
      for (String given : givenNames(givenName, aliases)) {
        if (!given.isEmpty() && !family.isEmpty()) {
          keys.add("child:dob-name:" + dateOfBirth + "|" + given + "|" + family);
        }
      }
    }
    return List.copyOf(keys);
  }

  /**
   * The keys by which two records are the same associate: the PNC id; or the full name with the
   * date of birth. Street names and shared phones make only possible matches.
   */
  public static List<String> person(
      String pncId, java.time.LocalDate dateOfBirth, String givenName, String familyName) {
    var keys = new java.util.TreeSet<String>();
    if (pncId != null) {
      keys.add("person:pnc:" + pncId.toUpperCase(Locale.ROOT));
    }
    if (dateOfBirth != null && givenName != null && familyName != null) {
      String given = name(givenName);
      String family = name(familyName);
      if (!given.isEmpty() && !family.isEmpty()) {
        keys.add("person:dob-name:" + dateOfBirth + "|" + given + "|" + family);
      }
    }
    return List.copyOf(keys);
  }

  /**
   * Keys under which two child records are compared for a possible match (the blocking keys of
   * {@code ChildBlocking}): the same names, the names' sounds, short, long and transliterated
   * forms, each with a year of birth, and the date of birth with the family name's sound. A
   * record without a date of birth has nothing to be compared on and gets no key.
   */
  public static List<String> childMatch(
      String givenName,
      String familyName,
      List<String> aliases,
      java.time.LocalDate dateOfBirth,
      boolean dateOfBirthEstimated) {
    return ChildNames.matchKeys(givenName, familyName, aliases, dateOfBirth, dateOfBirthEstimated);
  }

  /** A child's names as the match model reads and counts them: see {@link ChildNames#nameKeys}. */
  public static List<String> childNames(String givenName, String familyName, List<String> aliases) {
    return ChildNames.nameKeys(givenName, familyName, aliases);
  }

  /**
   * Keys under which two associates are a possible match: a phone number, a vehicle or a street
   * name they share.
   */
  public static List<String> personMatch(
      List<String> phones, List<String> registrations, List<String> aliases) {
    var keys = new java.util.TreeSet<String>();
    if (phones != null) {
      phones.forEach(p -> keys.add("person:phone:" + phone(p)));
    }
    if (registrations != null) {
      registrations.forEach(r -> keys.add("person:vehicle:" + registration(r)));
    }
    if (aliases != null) {
      aliases.stream()
          .map(Keys::name)
          .filter(a -> !a.isEmpty())
          .forEach(a -> keys.add("person:alias:" + a));
    }
    return List.copyOf(keys);
  }

  /** The names a child can be found by: given name, family name and aliases, normalised. */
  public static List<String> searchNames(String givenName, String familyName, List<String> aliases) {
    var names = new java.util.TreeSet<String>(givenNames(givenName, aliases));
    if (familyName != null) {
      names.add(name(familyName));
    }
    names.remove("");
    return List.copyOf(names);
  }

  private static List<String> givenNames(String givenName, List<String> aliases) {
    return ChildNames.givenNames(givenName, aliases);
  }

  /**
   * A place as one record writes it, normalised: the identity keys by which it meets other ways
   * of writing the same place, and what it is compared by for a possible match. Mentions written
   * alike (the same UPRN, postcode, first address line, name, town and position once normalised)
   * give the same {@code key}, so they share one record of the place however many episodes name
   * it.
   *
   * <p>The identity keys are the contract's "same when" rules: the UPRN; the postcode with the
   * first address line; the postcode with the name. A line and a name that read the same meet,
   * because one force writes a flat's address as its name and another as its first line. A place
   * written with none of these (no UPRN, and no postcode with a line or name) keeps the one key
   * such a place always had, its position to about a metre, else its postcode, else its name
   * and town: it meets only places written exactly so, never one with a firm key.
   */
  public static EpisodeWrite.PlaceRecord place(
      String uprn, String postcode, List<String> addressLines, String name, Double lat, Double lon,
      String town) {
    String number = uprn == null ? "" : uprn.replaceFirst("^0+(?=.)", "");
    String code = postcode == null ? "" : postcode(postcode);
    String line =
        addressLines == null || addressLines.isEmpty() || addressLines.get(0) == null
            ? ""
            : addressText(addressLines.get(0));
    String label = name == null ? "" : addressText(name);
    String place = town == null ? "" : addressText(town);
    Double latitude = lat == null || lon == null ? null : coordinate(lat);
    Double longitude = lat == null || lon == null ? null : coordinate(lon);
    String geo =
        latitude == null ? "" : String.format(Locale.ROOT, "%.5f,%.5f", latitude, longitude);

    var keys = new java.util.TreeSet<String>();
    if (!number.isEmpty()) {
      keys.add("place:uprn:" + number);
    }
    // An empty text after normalising ("--") would join every place of the postcode.
    for (String text : List.of(line, label)) {
      if (!code.isEmpty() && !text.isEmpty()) {
        keys.add("place:addr:" + code + "|" + text);
      }
    }
    if (keys.isEmpty()) {
      keys.add(
          !geo.isEmpty()
              ? "place:geo:" + geo
              : !code.isEmpty() ? "place:postcode:" + code : "place:name:" + label + "|" + place);
    }
    String key = String.join("|", number, code, line, label, place, geo);
    return new EpisodeWrite.PlaceRecord(
        key,
        List.copyOf(keys),
        blankToNull(label),
        blankToNull(line),
        latitude,
        longitude,
        blankToNull(code),
        blankToNull(place),
        null);
  }

  // Five decimals of a degree are about a metre: finer differences are one position.
  private static double coordinate(double degrees) {
    return java.math.BigDecimal.valueOf(degrees)
        .setScale(5, java.math.RoundingMode.HALF_UP)
        .doubleValue();
  }

  private static String blankToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}

package uk.police.missing.graph.area;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference lists of areas shipped with the service: children's services authorities
 * ({@code areas/local-authorities.csv}), the other names and codes records use for them ({@code
 * areas/authority-aliases.csv}), and postcode districts with their position and the authority and
 * force area covering most of each ({@code areas/postcode-districts.csv}). See {@code
 * areas/SOURCES.md} for where they come from.
 *
 * <p>A postcode is placed by its district. A position is placed by the nearest district centre,
 * within {@link #MAX_KM} kilometres; near a boundary that can be the neighbouring area, which is
 * why a postcode, when given, wins.
 */
public final class AreaDirectory {

  /** Further than this from every district centre, a position is in no known area (at sea). */
  public static final double MAX_KM = 25;

  private static final Pattern FULL = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$");
  private static final Pattern DISTRICT = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?$");
  private static final Pattern GSS = Pattern.compile("^[A-Z][0-9]{8}$");
  private static final Pattern SPACE = Pattern.compile("\\s+");
  // A postcode is at most 8 characters; leave room for stray spaces, not for a pasted document.
  private static final int LONGEST_POSTCODE = 20;

  private record District(String code, double lat, double lon, Area area) {}

  private final Map<String, LocalAuthority> authorities;
  // Older and lower-tier GSS codes, to the authority of ours responsible for the same area today.
  private final Map<String, LocalAuthority> formerCodes;
  private final Map<String, District> districts;
  private final AuthorityNames names;

  private AreaDirectory(
      Map<String, LocalAuthority> authorities, Map<String, String> aliases, Map<String, District> districts) {
    this.authorities = Collections.unmodifiableMap(authorities);
    this.districts = Collections.unmodifiableMap(districts);
    Map<String, LocalAuthority> codes = new HashMap<>();
    Map<String, String> nameAliases = new HashMap<>();
    aliases.forEach(
        (alias, code) -> {
          if (GSS.matcher(alias).matches()) {
            if (authorities.containsKey(code)) {
              codes.put(alias, authorities.get(code));
            }
          } else {
            nameAliases.put(alias, code);
          }
        });
    this.formerCodes = Collections.unmodifiableMap(codes);
    this.names = new AuthorityNames(authorities.values(), nameAliases);
  }

  private static volatile AreaDirectory national;

  /** The lists shipped on the classpath, read once. */
  public static AreaDirectory national() {
    AreaDirectory loaded = national;
    if (loaded == null) {
      synchronized (AreaDirectory.class) {
        if (national == null) {
          national = load();
        }
        loaded = national;
      }
    }
    return loaded;
  }

  private static AreaDirectory load() {
    Map<String, LocalAuthority> authorities = new LinkedHashMap<>();
    for (String[] f : csv("areas/local-authorities.csv", "code,name,country,force", 4)) {
      authorities.put(f[0], new LocalAuthority(f[0], f[1], f[2], f[3]));
    }
    Map<String, String> aliases = new HashMap<>();
    for (String[] f : csv("areas/authority-aliases.csv", "alias,code", 2)) {
      if (!f[1].isEmpty() && !authorities.containsKey(f[1])) {
        throw new IllegalStateException("alias " + f[0] + " names an unknown authority " + f[1]);
      }
      aliases.put(f[0], f[1]);
    }
    Map<String, District> districts = new TreeMap<>();
    for (String[] f :
        csv("areas/postcode-districts.csv", "district,latitude,longitude,authority,force", 5)) {
      LocalAuthority authority = f[3].isEmpty() ? null : authorities.get(f[3]);
      if (!f[3].isEmpty() && authority == null) {
        throw new IllegalStateException("postcode district " + f[0] + " names an unknown authority " + f[3]);
      }
      districts.put(
          f[0],
          new District(
              f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), new Area(f[0], authority, f[4])));
    }
    return new AreaDirectory(authorities, aliases, districts);
  }

  /**
   * The area of a postcode written in any spacing or case, whole ({@code b1 2jp}) or its district
   * alone ({@code B1}); empty when the district is not in the list or the text is no postcode.
   */
  public Optional<Area> ofPostcode(String written) {
    String district = district(written);
    // No falling back from a sub-district (W1X) to its parent (W1): the list holds London's split
    // districts as they are, and a district it lacks is unknown, not guessed.
    return district == null ? Optional.empty() : Optional.ofNullable(districts.get(district)).map(District::area);
  }

  /** The postcode district (outward code) of a postcode or district, or null if it is neither. */
  public static String district(String written) {
    if (written == null || written.length() > LONGEST_POSTCODE) {
      return null;
    }
    String compact = SPACE.matcher(written).replaceAll("").toUpperCase(Locale.ROOT);
    Matcher full = FULL.matcher(compact);
    if (full.matches()) {
      return full.group(1);
    }
    return DISTRICT.matcher(compact).matches() ? compact : null;
  }

  /** The area of the district whose centre is nearest, if one is within {@link #MAX_KM}. */
  public Optional<Area> ofPoint(double lat, double lon) {
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
      return Optional.empty();
    }
    District best = null;
    double bestKm = MAX_KM;
    for (District d : districts.values()) {
      double km = kilometres(lat, lon, d.lat(), d.lon());
      if (km <= bestKm) {
        best = d;
        bestKm = km;
      }
    }
    return Optional.ofNullable(best).map(District::area);
  }

  /**
   * The authority a record names, by GSS code in any case (older codes too: Barnsley's E08000016
   * and Sheffield's E08000019, Gateshead's E08000020, Northumberland's E06000048, and the codes
   * of abolished councils and of districts, where one authority of ours now covers all their
   * area) or by name as councils write it ({@code Birmingham City Council}, {@code Bristol, City
   * of}, {@code London Borough of Camden}); empty when it names none of the list or could mean
   * more than one.
   */
  public Optional<LocalAuthority> authority(String codeOrName) {
    if (codeOrName == null || codeOrName.isBlank() || codeOrName.length() > AuthorityNames.LONGEST) {
      return Optional.empty();
    }
    String code = codeOrName.strip().toUpperCase(Locale.ROOT);
    if (GSS.matcher(code).matches()) {
      return Optional.ofNullable(authorities.getOrDefault(code, formerCodes.get(code)));
    }
    return names.find(codeOrName);
  }

  /** Every authority, by code. */
  public List<LocalAuthority> authorities() {
    return List.copyOf(authorities.values());
  }

  /** The districts the list places in a force's area, in order. */
  public List<String> districtsIn(String forceCode) {
    List<String> out = new ArrayList<>();
    districts.values().stream().filter(d -> d.area().forceArea().equals(forceCode)).forEach(d -> out.add(d.code()));
    return out;
  }

  /** The centre of a district (written as {@link #ofPostcode} accepts it), {latitude, longitude}. */
  public Optional<double[]> centre(String district) {
    String code = district(district);
    return Optional.ofNullable(code == null ? null : districts.get(code)).map(d -> new double[] {d.lat(), d.lon()});
  }

  static double kilometres(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }

  // The lists are plain CSV: a quoted field may hold commas ("Bristol, City of").
  private static List<String[]> csv(String resource, String header, int fields) {
    try (InputStream in = AreaDirectory.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String first = reader.readLine();
      if (!header.equals(first)) {
        throw new IllegalStateException("unexpected header in " + resource + ": " + first);
      }
      List<String[]> rows = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] row = split(line);
        if (row.length != fields) {
          throw new IllegalStateException("malformed line in " + resource + ": " + line);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out.toArray(String[]::new);
  }
}

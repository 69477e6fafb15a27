import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Derives {@code postcode-districts.csv} from OS Code-Point Open and our list of children's
 * services authorities. See README.md beside this file for how to run it and SOURCES.md in
 * graph-model/src/main/resources/areas/ for the sources and their licences.
 *
 * <p>Usage: {@code java PostcodeDistricts.java CODEPO_GB_DIR LOCAL_AUTHORITIES_CSV OUT_CSV
 * SPLITS_CSV}
 */
public class PostcodeDistricts {

  // Code-Point Open columns (Doc/Code-Point_Open_Column_Headers.csv).
  private static final int PC = 0, PQ = 1, EA = 2, NO = 3, CY = 4, CC = 7, DC = 8;
  // Positional quality 90: Code-Point has no coordinates for the postcode.
  private static final int NO_POSITION = 90;
  private static final String SCOTLAND = "S92000003";
  private static final String ENGLAND = "E92000001";
  private static final String WALES = "W92000004";
  // Codes retired when Barnsley and Sheffield swapped land in April 2025 (data README).
  private static final Map<String, String> RENAMED = Map.of("E08000016", "E08000038", "E08000019", "E08000039");

  /** Postcodes of one district: how many fall in each area, and the sum of their positions. */
  static final class Tally {
    final Map<String, Integer> byArea = new TreeMap<>();
    double eastings;
    double northings;
    int positioned;

    String winner() {
      // Most postcodes wins; a tie goes to the lower code, so reruns give the same answer.
      return byArea.entrySet().stream()
          .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .orElseThrow()
          .getKey();
    }

    int total() {
      return byArea.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: java PostcodeDistricts.java CODEPO_GB_DIR LOCAL_AUTHORITIES_CSV OUT_CSV SPLITS_CSV");
      System.exit(2);
    }
    Map<String, String> forceOf = authorities(Path.of(args[1]));
    Map<String, Tally> districts = new TreeMap<>(PostcodeDistricts::byArea);
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(args[0], "Data", "CSV"))) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no Code-Point Open CSV files under " + args[0] + "/Data/CSV");
    }
    int rows = 0, skipped = 0;
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
        String[] f = line.replace("\"", "").split(",", -1);
        rows++;
        if (Integer.parseInt(f[PQ]) == NO_POSITION) {
          skipped++;
          continue;
        }
        String compact = f[PC].replace(" ", "");
        String district = compact.substring(0, compact.length() - 3);
        String area = area(f, forceOf);
        Tally t = districts.computeIfAbsent(district, k -> new Tally());
        if (area != null) {
          t.byArea.merge(area, 1, Integer::sum);
        }
        t.eastings += Double.parseDouble(f[EA]);
        t.northings += Double.parseDouble(f[NO]);
        t.positioned++;
      }
    }
    int split = 0;
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8));
        PrintWriter splits = new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8))) {
      out.print("district,latitude,longitude,authority,force\n");
      splits.print("district,chosen,chosen_share_percent,postcodes,areas\n");
      for (Map.Entry<String, Tally> e : districts.entrySet()) {
        Tally t = e.getValue();
        String winner = t.winner();
        double[] latLon = Osgb.toWgs84(t.eastings / t.positioned, t.northings / t.positioned);
        String authority = winner.equals(SCOTLAND) ? "" : winner;
        String force = winner.equals(SCOTLAND) ? "PSC" : forceOf.get(winner);
        out.printf(Locale.ROOT, "%s,%.4f,%.4f,%s,%s\n", e.getKey(), latLon[0], latLon[1], authority, force);
        if (t.byArea.size() > 1) {
          split++;
          List<String> parts = new ArrayList<>();
          t.byArea.forEach((code, n) -> parts.add(code + ":" + n));
          splits.printf(Locale.ROOT, "%s,%s,%.1f,%d,%s\n", e.getKey(), winner,
              100.0 * t.byArea.get(winner) / t.total(), t.total(), String.join(" ", parts));
        }
      }
    }
    System.err.printf("%d postcodes read, %d without a position skipped, %d districts, %d split between areas%n",
        rows, skipped, districts.size(), split);
  }

  // The children's services authority of a postcode: the county where there is one (two-tier
  // England), else the district, which is then itself upper tier; Scotland has no authority of ours.
  private static String area(String[] f, Map<String, String> forceOf) {
    String country = f[CY];
    if (country.equals(SCOTLAND)) {
      return SCOTLAND;
    }
    if (!country.equals(ENGLAND) && !country.equals(WALES)) {
      throw new IllegalStateException("unexpected country " + country + " for " + f[PC]);
    }
    String code = f[CC].isEmpty() ? f[DC] : f[CC];
    if (code.isEmpty()) {
      // Positioned only by its sector's mean (quality 60, mostly PO boxes): no area to vote for.
      return null;
    }
    code = RENAMED.getOrDefault(code, code);
    if (!forceOf.containsKey(code)) {
      throw new IllegalStateException(f[PC] + " lies in " + code + ", which is not in local-authorities.csv");
    }
    return code;
  }

  private static Map<String, String> authorities(Path csv) throws IOException {
    Map<String, String> forceOf = new HashMap<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        String[] f = line.split(",");
        forceOf.put(f[0], f[f.length - 1]);
      }
    }
    return forceOf;
  }

  // Districts in the order a person reads them: area letters, then the number, then any letter
  // (B1, B2, ..., B10; EC1A before EC1M).
  private static int byArea(String a, String b) {
    return key(a).compareTo(key(b));
  }

  private static String key(String district) {
    int digit = 0;
    while (!Character.isDigit(district.charAt(digit))) {
      digit++;
    }
    int end = digit;
    while (end < district.length() && Character.isDigit(district.charAt(end))) {
      end++;
    }
    return String.format(Locale.ROOT, "%-2s%03d%s", district.substring(0, digit),
        Integer.parseInt(district.substring(digit, end)), district.substring(end));
  }

  /**
   * British National Grid eastings and northings (OSGB36) to WGS84 latitude and longitude, by the
   * formulas of Ordnance Survey's "A guide to coordinate systems in Great Britain": the inverse
   * Transverse Mercator projection (annex C) and the seven-parameter Helmert transformation (section
   * 6.6). The Helmert step is good to a few metres, far finer than the 4 decimals (about 10 m) we keep.
   */
  static final class Osgb {
    private static final double AIRY_A = 6377563.396, AIRY_B = 6356256.909;
    private static final double GRS80_A = 6378137.0, GRS80_B = 6356752.3141;
    private static final double F0 = 0.9996012717;
    private static final double LAT0 = Math.toRadians(49), LON0 = Math.toRadians(-2);
    private static final double E0 = 400000, N0 = -100000;
    // OSGB36 to WGS84: metres, arc-seconds, parts per million.
    private static final double TX = 446.448, TY = -125.157, TZ = 542.060;
    private static final double RX = 0.1502, RY = 0.2470, RZ = 0.8421, S_PPM = -20.4894;

    static double[] toWgs84(double easting, double northing) {
      double[] osgb = gridToLatLon(easting, northing);
      double[] xyz = toCartesian(osgb[0], osgb[1], AIRY_A, AIRY_B);
      return toLatLon(helmert(xyz), GRS80_A, GRS80_B);
    }

    private static double[] gridToLatLon(double e, double north) {
      double a = AIRY_A, b = AIRY_B;
      double e2 = 1 - (b * b) / (a * a);
      double n = (a - b) / (a + b);
      double lat = LAT0;
      double m = 0;
      do {
        lat = (north - N0 - m) / (a * F0) + lat;
        m = meridional(lat, n, b);
      } while (Math.abs(north - N0 - m) >= 0.00001);
      double sin = Math.sin(lat), cos = Math.cos(lat), tan = Math.tan(lat);
      double nu = a * F0 / Math.sqrt(1 - e2 * sin * sin);
      double rho = a * F0 * (1 - e2) / Math.pow(1 - e2 * sin * sin, 1.5);
      double eta2 = nu / rho - 1;
      double vii = tan / (2 * rho * nu);
      double viii = tan / (24 * rho * Math.pow(nu, 3)) * (5 + 3 * tan * tan + eta2 - 9 * tan * tan * eta2);
      double ix = tan / (720 * rho * Math.pow(nu, 5)) * (61 + 90 * tan * tan + 45 * Math.pow(tan, 4));
      double x = 1 / (cos * nu);
      double xi = 1 / (cos * 6 * Math.pow(nu, 3)) * (nu / rho + 2 * tan * tan);
      double xii = 1 / (cos * 120 * Math.pow(nu, 5)) * (5 + 28 * tan * tan + 24 * Math.pow(tan, 4));
      double xiia = 1 / (cos * 5040 * Math.pow(nu, 7))
          * (61 + 662 * tan * tan + 1320 * Math.pow(tan, 4) + 720 * Math.pow(tan, 6));
      double de = e - E0;
      double phi = lat - vii * de * de + viii * Math.pow(de, 4) - ix * Math.pow(de, 6);
      double lambda = LON0 + x * de - xi * Math.pow(de, 3) + xii * Math.pow(de, 5) - xiia * Math.pow(de, 7);
      return new double[] {phi, lambda};
    }

    private static double meridional(double lat, double n, double b) {
      double dl = lat - LAT0, sl = lat + LAT0;
      return b * F0 * ((1 + n + 1.25 * n * n + 1.25 * n * n * n) * dl
          - (3 * n + 3 * n * n + 21.0 / 8 * n * n * n) * Math.sin(dl) * Math.cos(sl)
          + (15.0 / 8 * n * n + 15.0 / 8 * n * n * n) * Math.sin(2 * dl) * Math.cos(2 * sl)
          - 35.0 / 24 * n * n * n * Math.sin(3 * dl) * Math.cos(3 * sl));
    }

    private static double[] toCartesian(double lat, double lon, double a, double b) {
      double e2 = 1 - (b * b) / (a * a);
      double nu = a / Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
      return new double[] {
        nu * Math.cos(lat) * Math.cos(lon), nu * Math.cos(lat) * Math.sin(lon), (1 - e2) * nu * Math.sin(lat)
      };
    }

    private static double[] helmert(double[] p) {
      double s = S_PPM * 1e-6;
      double rx = Math.toRadians(RX / 3600), ry = Math.toRadians(RY / 3600), rz = Math.toRadians(RZ / 3600);
      return new double[] {
        TX + (1 + s) * p[0] - rz * p[1] + ry * p[2],
        TY + rz * p[0] + (1 + s) * p[1] - rx * p[2],
        TZ - ry * p[0] + rx * p[1] + (1 + s) * p[2]
      };
    }

    private static double[] toLatLon(double[] p, double a, double b) {
      double e2 = 1 - (b * b) / (a * a);
      double horizontal = Math.hypot(p[0], p[1]);
      double lat = Math.atan2(p[2], horizontal * (1 - e2));
      double previous;
      do {
        previous = lat;
        double nu = a / Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
        lat = Math.atan2(p[2] + e2 * nu * Math.sin(lat), horizontal);
      } while (Math.abs(lat - previous) > 1e-12);
      return new double[] {Math.toDegrees(lat), Math.toDegrees(Math.atan2(p[1], p[0]))};
    }
  }
}

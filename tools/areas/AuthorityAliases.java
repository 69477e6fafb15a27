import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives {@code authority-aliases.csv} from mySociety's "UK local authority names and codes"
 * and our list of children's services authorities: every name and GSS code mySociety records for
 * a council of the UK, past or present, with the children's services authority of ours that is
 * responsible for the whole of that council's area today, or nothing when no single one is (another
 * nation, an authority split between successors). See README.md beside this file.
 *
 * <p>Usage: {@code java AuthorityAliases.java UK_LOCAL_AUTHORITIES_FUTURE_CSV
 * LOOKUP_NAME_TO_REGISTRY_CSV LOCAL_AUTHORITIES_CSV OUT_CSV}
 */
public class AuthorityAliases {

  // Codes retired when Barnsley and Sheffield swapped land in April 2025 (shared data README);
  // mySociety's list of July 2025 still gives the old ones.
  private static final Map<String, String> RENAMED = Map.of("E08000016", "E08000038", "E08000019", "E08000039");

  record Council(String id, String code, String endDate, List<String> replacedBy, String county, List<String> formerCodes) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: java AuthorityAliases.java UK_LA_FUTURE_CSV NAME_LOOKUP_CSV LOCAL_AUTHORITIES_CSV OUT_CSV");
      System.exit(2);
    }
    Map<String, Council> councils = new HashMap<>();
    List<String[]> table = csv(Path.of(args[0]));
    List<String> header = List.of(table.get(0));
    for (String[] r : table.subList(1, table.size())) {
      String code = r[header.indexOf("gss-code")];
      councils.put(r[header.indexOf("local-authority-code")], new Council(
          r[header.indexOf("local-authority-code")], RENAMED.getOrDefault(code, code),
          r[header.indexOf("end-date")], split(r[header.indexOf("replaced-by")]),
          r[header.indexOf("county-la")], split(r[header.indexOf("former-gss-codes")])));
    }
    Set<String> ours = new HashSet<>();
    List<String[]> local = csv(Path.of(args[2]));
    for (String[] r : local.subList(1, local.size())) {
      ours.add(r[0]);
    }
    // alias -> the authorities of ours it could mean ("" for a council that is none of ours)
    Map<String, Set<String>> aliases = new HashMap<>();
    List<String[]> names = csv(Path.of(args[1]));
    Map<String, String> spelling = new HashMap<>();
    int garbled = 0;
    for (String[] r : names.subList(1, names.size())) {
      String name = r[0].strip().replaceAll("\\s+", " ");
      Council c = councils.get(r[1]);
      if (c == null || name.isEmpty()) {
        continue;
      }
      // A few of mySociety's Welsh names lost their accented letter in an encoding round trip.
      if (name.contains("\uFFFD") || name.contains("ï¿½") || name.contains("ï¾")) {
        garbled++;
        continue;
      }
      // Names that differ only in case are one alias; the first spelling met is kept.
      String alias = spelling.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> name);
      aliases.computeIfAbsent(alias, k -> new TreeSet<>()).addAll(responsible(c, councils, ours, new HashSet<>()));
    }
    for (Council c : councils.values()) {
      Set<String> responsible = responsible(c, councils, ours, new HashSet<>());
      if (!c.code().isEmpty() && !ours.contains(c.code())) {
        aliases.computeIfAbsent(c.code(), k -> new TreeSet<>()).addAll(responsible);
      }
      for (String former : c.formerCodes()) {
        aliases.computeIfAbsent(former, k -> new TreeSet<>()).addAll(responsible);
      }
    }
    RENAMED.forEach((old, now) -> aliases.computeIfAbsent(old, k -> new TreeSet<>()).add(now));
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8))) {
      out.print("alias,code\n");
      new TreeSet<>(aliases.keySet()).forEach(alias -> {
        Set<String> codes = aliases.get(alias);
        String code = codes.size() == 1 ? codes.iterator().next() : "";
        out.print(quote(alias) + "," + code + "\n");
      });
    }
    System.err.printf("%d aliases written, %d garbled names left out%n", aliases.size(), garbled);
  }

  // Who holds children's services for the whole of a council's area today: the council itself if
  // it is one of ours; for a district, its county; for an abolished council, its successors.
  private static Set<String> responsible(Council c, Map<String, Council> all, Set<String> ours, Set<String> seen) {
    Set<String> out = new TreeSet<>();
    if (!seen.add(c.id())) {
      return out;
    }
    if (ours.contains(c.code())) {
      out.add(c.code());
    } else if (!c.endDate().isEmpty() && !c.replacedBy().isEmpty()) {
      for (String next : c.replacedBy()) {
        Council successor = all.get(next);
        if (successor == null) {
          out.add("");
        } else {
          out.addAll(responsible(successor, all, ours, seen));
        }
      }
    } else if (!c.county().isEmpty() && all.containsKey(c.county())) {
      out.addAll(responsible(all.get(c.county()), all, ours, seen));
    } else {
      out.add("");
    }
    return out;
  }

  private static List<String> split(String field) {
    List<String> out = new ArrayList<>();
    for (String s : field.split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  // RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
  private static List<String[]> csv(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n') {
        row.add(field.toString().replace("\r", ""));
        field.setLength(0);
        rows.add(row.toArray(String[]::new));
        row = new ArrayList<>();
      } else {
        field.append(ch);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row.toArray(String[]::new));
    }
    return rows;
  }
}

package uk.police.missing.graph.force;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.neo4j.core.Neo4jClient;

/** The national force list carried by the service ({@code forces/forces.csv}). */
public final class ForceCatalogue {

  private static final String RESOURCE = "forces/forces.csv";

  private static final String SEED =
      """
      UNWIND $forces AS force
      MERGE (f:Force {code: force.code})
      SET f.name = force.name, f.country = force.country
      """;

  private final Map<String, Force> byCode;

  private ForceCatalogue(Map<String, Force> byCode) {
    this.byCode = Collections.unmodifiableMap(byCode);
  }

  /** The list shipped on the classpath. */
  public static ForceCatalogue national() {
    try (InputStream in = ForceCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ForceCatalogue parse(InputStream csv) throws IOException {
    Map<String, Force> forces = new LinkedHashMap<>();
    var reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (!"code,name,country".equals(header)) {
      throw new IllegalStateException("unexpected force list header: " + header);
    }
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      // The national list has no quoted commas; a line with more fields is a broken copy.
      String[] fields = line.split(",", -1);
      if (fields.length != 3) {
        throw new IllegalStateException("malformed force list line: " + line);
      }
      forces.put(fields[0], new Force(fields[0], fields[1], fields[2]));
    }
    return new ForceCatalogue(forces);
  }

  public Set<String> codes() {
    return byCode.keySet();
  }

  public List<Force> all() {
    return List.copyOf(byCode.values());
  }

  public Optional<Force> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** Writes the list to the graph (null database: the server's default); idempotent. */
  public void seed(Neo4jClient neo4j, String database) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Force f : byCode.values()) {
      rows.add(Map.of("code", f.code(), "name", f.name(), "country", f.country()));
    }
    var query = neo4j.query(SEED);
    (database == null ? query : query.in(database)).bind(rows).to("forces").run();
  }
}

package uk.police.missing.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.api.ApiTest;

/**
 * Malformed, oversized and hostile requests: each gets a clear answer and changes nothing. The
 * limits here are the test's (512 KB body, 64 KB line, 200 lines; see {@link ApiTest}).
 */
class EpisodeIngestLimitsTest extends ApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String NOTHING_STORED =
      "MATCH (n) WHERE n:MissingEpisode OR n:EpisodeRecord OR n:ChildRecord RETURN count(n)";

  @Test
  void refusesABodyOverTheLimitWith413AndStoresNothing() {
    String line = firstValidLine();
    String body =
        IntStream.range(0, 180)
            .mapToObj(i -> withRef(line, "BIG-" + i, "x".repeat(3000)))
            .collect(Collectors.joining("\n"));
    assertThat(body.length()).isGreaterThan(512 * 1024);

    ResponseEntity<JsonNode> response = post(body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(response.getBody().get("detail").stringValue())
        .contains("larger than")
        .contains("Nothing in this request was stored");
    assertThat(count(NOTHING_STORED)).isZero();
  }

  @Test
  void refusesAStreamedBodyWithoutADeclaredLengthOnceItCrossesTheLimit() {
    String line = firstValidLine();
    byte[] body =
        IntStream.range(0, 180)
            .mapToObj(i -> withRef(line, "STREAM-" + i, "x".repeat(3000)))
            .collect(Collectors.joining("\n"))
            .getBytes(StandardCharsets.UTF_8);

    // A streaming body goes out chunked, so only reading it can find it too large.
    ResponseEntity<JsonNode> response =
        http(ALL_FORCES_SYSTEM)
            .post()
            .uri("/api/v1/episodes")
            .contentType(MediaType.parseMediaType("application/x-ndjson"))
            .body(out -> out.write(body))
            .retrieve()
            .onStatus(HttpStatusCode::isError, (request, r) -> {})
            .toEntity(JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(count(NOTHING_STORED)).isZero();
  }

  @Test
  void refusesALineOverTheLimitWith413NamingTheLineAndStoresNothing() {
    String line = firstValidLine();
    String body = line + "\n" + withRef(line, "LONG-1", "y".repeat(70 * 1024)) + "\n";

    ResponseEntity<JsonNode> response = post(body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(response.getBody().get("line").asInt()).isEqualTo(2);
    assertThat(count(NOTHING_STORED)).isZero();
  }

  @Test
  void refusesMoreLinesThanTheLimitWith413AndStoresNothing() {
    String line = firstValidLine();
    String body =
        IntStream.range(0, 201)
            .mapToObj(i -> withRef(line, "MANY-" + i, null))
            .collect(Collectors.joining("\n"));

    ResponseEntity<JsonNode> response = post(body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(response.getBody().get("detail").stringValue()).contains("more than 200 records");
    assertThat(count(NOTHING_STORED)).isZero();
  }

  @Test
  void refusesOtherContentTypesWith415AndStoresNothing() {
    byte[] body = firstValidLine().getBytes(StandardCharsets.UTF_8);

    assertThat(post(body, "application/json").getStatusCode())
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(post(body, "text/plain").getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(count(NOTHING_STORED)).isZero();
  }

  @Test
  void refusesABodyDeclaredInACharsetOtherThanUtf8With415() {
    byte[] body = firstValidLine().getBytes(StandardCharsets.ISO_8859_1);

    ResponseEntity<JsonNode> response = post(body, "application/x-ndjson;charset=ISO-8859-1");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(response.getBody().get("detail").stringValue()).contains("UTF-8");
    assertThat(count(NOTHING_STORED)).isZero();
  }

  @Test
  void answersAnEmptyBodyWith400() {
    ResponseEntity<JsonNode> response = post("\n\n  \n".getBytes(StandardCharsets.UTF_8), "application/x-ndjson");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("detail").stringValue()).contains("no records");
  }

  @Test
  void skipsBlankLinesAndAcceptsWindowsLineEndingsKeepingLineNumbers() {
    String line = firstValidLine();
    String body = "\r\n" + line + "\r\n\r\n" + withRef(line, "CRLF-2", null) + "\r\n";

    JsonNode report = post(body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson").getBody();

    assertThat(report.get("totals").get("accepted").asInt()).isEqualTo(2);
    assertThat(report.get("results").get(0).get("line").asInt()).isEqualTo(2);
    assertThat(report.get("results").get(1).get("line").asInt()).isEqualTo(4);
  }

  @Test
  void rejectsALineThatIsNotUtf8AndStillStoresTheOthers() {
    byte[] good = (firstValidLine() + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bad = "{\"force\": \"GMP\u00ff\u00fe\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = new byte[good.length + bad.length];
    System.arraycopy(bad, 0, body, 0, bad.length);
    System.arraycopy(good, 0, body, bad.length, good.length);

    JsonNode report = post(body, "application/x-ndjson").getBody();

    assertThat(report.get("results").get(0).get("outcome").stringValue()).isEqualTo("rejected");
    assertThat(report.get("results").get(0).get("reasons").get(0).get("message").stringValue())
        .contains("UTF-8");
    assertThat(report.get("results").get(1).get("outcome").stringValue()).isEqualTo("accepted");
  }

  @Test
  void rejectsDuplicateFieldsSoAForceCannotBeSmuggledIn() {
    String line = firstValidLine().replaceFirst("\"force\": \"GMP\"", "\"force\": \"GMP\", \"force\": \"WMP\"");

    JsonNode report = post(line.getBytes(StandardCharsets.UTF_8), "application/x-ndjson").getBody();

    assertThat(report.get("results").get(0).get("outcome").stringValue()).isEqualTo("rejected");
    assertThat(report.get("results").get(0).get("reasons").get(0).get("message").stringValue())
        .contains("duplicate field 'force'");
    assertThat(count(NOTHING_STORED)).isZero();
  }

  @Test
  void rejectsDeeplyNestedJsonWithoutFallingOver() {
    String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);

    ResponseEntity<JsonNode> response = post(deep.getBytes(StandardCharsets.UTF_8), "application/x-ndjson");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().get("results").get(0).get("outcome").stringValue())
        .isEqualTo("rejected");
  }

  @Test
  void storesCypherInjectionStringsAsPlainTextAndChangesNothingElse() {
    String injection = "'}) MATCH (n) DETACH DELETE n //";
    String brace = "\"}]->(x) CREATE (:Pwned) RETURN 1 //";
    ObjectNode record = (ObjectNode) JSON.readTree(firstValidLine());
    record.put("episodeRef", "INJ-1");
    ObjectNode child = (ObjectNode) record.get("child");
    child.put("personRef", injection);
    child.put("givenName", brace);
    child.put("familyName", "`backtick` $param ${x}");
    record.put("notes", injection);
    ((ObjectNode) record.get("lastSeen").get("place")).put("name", injection);
    long forcesBefore = count("MATCH (f:Force) RETURN count(f)");

    JsonNode report =
        post(JSON.writeValueAsString(record).getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
            .getBody();

    assertThat(report.get("results").get(0).get("outcome").stringValue()).isEqualTo("accepted");
    Map<String, Object> episode =
        graphQl()
            .documentName("episode")
            .variable("force", "GMP")
            .variable("episodeRef", "INJ-1")
            .retrieveSync("episode")
            .toEntity(Map.class);
    JsonNode read = JSON.valueToTree(episode);
    assertThat(read.get("child").get("personRef").stringValue()).isEqualTo(injection);
    assertThat(read.get("child").get("givenName").stringValue()).isEqualTo(brace);
    assertThat(read.get("child").get("familyName").stringValue()).isEqualTo("`backtick` $param ${x}");
    assertThat(read.get("notes").stringValue()).isEqualTo(injection);
    assertThat(read.get("lastSeen").get("place").get("name").stringValue()).isEqualTo(injection);
    assertThat(count("MATCH (f:Force) RETURN count(f)")).isEqualTo(forcesBefore);
    assertThat(count("MATCH (n:Pwned) RETURN count(n)")).isZero();
  }

  private ResponseEntity<JsonNode> post(byte[] body, String contentType) {
    return http(ALL_FORCES_SYSTEM)
        .post()
        .uri("/api/v1/episodes")
        .contentType(MediaType.parseMediaType(contentType))
        .body(body)
        .retrieve()
        .onStatus(HttpStatusCode::isError, (request, response) -> {})
        .toEntity(JsonNode.class);
  }

  private static String firstValidLine() {
    return resource("contract/valid.ndjson").lines().findFirst().orElseThrow();
  }

  private static String withRef(String line, String episodeRef, String notes) {
    ObjectNode record = (ObjectNode) JSON.readTree(line);
    record.put("episodeRef", episodeRef);
    if (notes != null) {
      record.put("notes", notes);
    }
    return JSON.writeValueAsString(record);
  }
}

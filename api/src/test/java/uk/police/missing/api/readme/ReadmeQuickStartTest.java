package uk.police.missing.api.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.police.missing.api.ApiTest;

/**
 * Runs the README's quick start up to the bulk loader, its shell blocks as written (tokens,
 * pushes, reads, the audit trail, the schema as text), with bash and curl against the running
 * service, so the README cannot drift from what the service does.
 */
class ReadmeQuickStartTest extends ApiTest {

  private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);

  @LocalServerPort private int port;

  @Test
  void theQuickStartWorksAsWritten() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    String quickStart =
        readme.substring(
            readme.indexOf("## Quick start"), readme.indexOf("**6. Load files in bulk.**"));
    List<String> commands = new ArrayList<>();
    Matcher block = SHELL_BLOCK.matcher(quickStart);
    while (block.find()) {
      commands.add(block.group(1).replace("http://localhost:8080", "http://localhost:" + port));
    }
    assertThat(commands).hasSizeGreaterThanOrEqualTo(6);

    String output = bash(root, "set -e\n" + String.join("echo\n", commands));

    assertThat(output)
        .contains("\"status\":401")
        .contains("force-not-permitted")
        .contains("\"lines\":2,\"accepted\":2")
        .contains("\"lines\":1,\"accepted\":1")
        .contains("\"lines\":7,\"accepted\":0,\"unchanged\":0,\"rejected\":7")
        .contains("you may not read ReturnInterview.summary")
        .contains("\"pathPattern\":\"childByForceRef.timeline[*].returnInterview.summary\"")
        .contains("\"returnInterview\":{\"status\":\"COMPLETED\"")
        .containsIgnoringCase("\"givenName\":\"Kayla\"")
        .contains("\"auditChainVerification\":{\"intact\":true")
        .contains("type Query {");
    // The analyst's read is refused once, however many episodes reach the summary.
    assertThat(output.split("you may not read", -1)).hasSize(2);
  }

  private static String bash(Path dir, String script) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    return text;
  }
}

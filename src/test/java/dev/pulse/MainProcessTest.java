package dev.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Main} as an operator runs it: a separate JVM, configured by environment variables. */
@DisplayName("The pulse process")
class MainProcessTest {

  private static Process start(Map<String, String> env) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(
        System.getProperty("java.home") + "/bin/java", "-cp", System.getProperty("java.class.path"),
        // The production logging configuration (INFO), not the quiet one of the tests.
        "-Dlogback.configurationFile=logback.xml", Main.class.getName()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(key -> key.startsWith("PULSE_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static String finish(Process process) throws Exception {
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process exits").isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("invalid configuration exits with code 2 and one line naming the variable")
  void invalidConfigurationExits() throws Exception {
    Process process = start(Map.of("PULSE_STORE", "mongodb"));
    String output = finish(process);

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output.lines().filter(line -> line.contains("PULSE_STORE"))).singleElement()
        .satisfies(line -> assertThat(line).contains("must be one of memory | redis").contains("mongodb"));
  }

  @Test
  @DisplayName("a port in use exits with code 1 and says why")
  void portInUseExits() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0)) {
      Process process = start(Map.of("PULSE_HTTP_PORT", Integer.toString(squatter.getLocalPort())));
      String output = finish(process);

      assertThat(process.exitValue()).isEqualTo(1);
      assertThat(output).contains("Pulse failed to start").contains("Address already in use");
    }
  }

  @Test
  @DisplayName("a running node answers, and SIGTERM stops it gracefully: it logs the stop and exits")
  void sigtermStopsGracefully() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Process process = start(Map.of("PULSE_HTTP_PORT", Integer.toString(port)));
    try {
      java.io.BufferedReader log = new java.io.BufferedReader(
          new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = log.readLine(); // ends with the process: a start-up failure cannot hang this loop
      } while (line != null && !line.contains("Pulse listening on port " + port));
      assertThat(line).as("start-up line").isNotNull();

      java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/web/i-1"))
              .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(201);

      // SIGTERM via kill(1): Process.destroy() would also close the streams we still read.
      new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
      StringBuilder rest = new StringBuilder();
      while ((line = log.readLine()) != null) {
        rest.append(line).append('\n');
      }
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(rest.toString()).contains("Pulse stopping").contains("Pulse stopped");
      assertThat(process.exitValue()).as("exit code after a clean SIGTERM stop").isZero();
    } finally {
      process.destroyForcibly();
    }
  }
}

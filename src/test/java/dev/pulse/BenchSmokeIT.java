package dev.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pulse.support.LoopbackMachine;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark harness still runs: {@code bench/run.sh heartbeat} with one-second phases and one
 * round, on the memory store and on its own Redis Cluster, from the packaged jar. It checks only
 * that every part ran and served requests, never a figure (those are for BENCHMARKS.md). Runs after
 * {@code package} (failsafe), where {@code wrk}, {@code redis-server}, {@code redis-cli} and
 * {@code curl} are on the PATH.
 */
@DisplayName("bench/run.sh: a one-second smoke run of the heartbeat scenario")
class BenchSmokeIT {

  /** A table row of bench/run.sh: scenario, then requests/s. */
  private static final Pattern ROW = Pattern.compile("^\\| (heartbeat, [a-z ]+?) +\\| +(\\d+) \\|", Pattern.MULTILINE);

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  @DisplayName("prints a heartbeat row with requests served for the memory store and for Redis Cluster, and exits 0")
  void heartbeatScenarioRuns() throws Exception {
    for (String tool : List.of("wrk", "redis-server", "redis-cli", "curl")) {
      assumeTrue(LoopbackMachine.onPath(tool), tool + " is needed (apt-get install -y wrk redis-server curl)");
    }
    // Redis (and its bus ports, +10000) in 20000-22699, Pulse and the baseline in 23000-29699:
    // apart from each other and from ClusterScriptIT's ranges.
    int redisBase = LoopbackMachine.freeRange(20_000, 22_700, 3, true);
    int pulsePort = LoopbackMachine.freeRange(23_000, 29_700, 2, false);

    ProcessBuilder builder = new ProcessBuilder("bash", "bench/run.sh", "heartbeat").redirectErrorStream(true);
    builder.environment().putAll(Map.of("WARMUP", "1s", "DURATION", "1s", "ROUNDS", "1",
        "PORT", Integer.toString(pulsePort), "REDIS_BASE_PORT", Integer.toString(redisBase)));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(150, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    Matcher rows = ROW.matcher(output);
    Map<String, Long> served = new HashMap<>();
    while (rows.find()) {
      served.put(rows.group(1), Long.parseLong(rows.group(2)));
    }
    assertThat(served).as(output).containsOnlyKeys("heartbeat, memory", "heartbeat, redis cluster");
    assertThat(served.values()).as(output).allSatisfy(rate -> assertThat(rate).isPositive());
    assertThat(output).doesNotContain("non-2xx");
  }
}

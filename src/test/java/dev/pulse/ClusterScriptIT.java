package dev.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pulse.support.LoopbackMachine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The multi-node deployment as plain processes: {@code scripts/cluster.sh} starts a Redis Cluster of
 * three masters with a replica each and two Pulse nodes from the packaged jar; a registration
 * through node 1 is read through node 2. Runs after {@code package} (failsafe), and only where
 * {@code redis-server} and {@code redis-cli} are on the PATH (the script needs both).
 */
@DisplayName("scripts/cluster.sh: a real multi-node deployment on loopback")
class ClusterScriptIT {

  private Map<String, String> env;
  private Path stateParent;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  @DisplayName("up 2, status, smoke (register through node 1, read through node 2), down")
  void upSmokeDown() throws Exception {
    assumeTrue(LoopbackMachine.onPath("redis-server") && LoopbackMachine.onPath("redis-cli"),
        "redis-server and redis-cli are needed");
    // Redis (and its bus ports, +10000) in 10000-12699, Pulse in 13000-19699: never overlapping.
    int redisBase = LoopbackMachine.freeRange(10_000, 12_700, 6, true);
    int pulseBase = LoopbackMachine.freeRange(13_000, 19_700, 2, false);
    stateParent = Files.createTempDirectory("pulse-cluster-it");
    env = Map.of("PULSE_CLUSTER_DIR", stateParent.resolve("state").toString(),
        "REDIS_BASE_PORT", Integer.toString(redisBase), "PULSE_BASE_PORT", Integer.toString(pulseBase));

    Result up = run("up", "2");
    assertThat(up.code).as(up.output).isZero();
    Result status = run("status");
    assertThat(status.output).contains("pulse " + pulseBase + " running ready=200",
        "pulse " + (pulseBase + 1) + " running ready=200", "cluster: cluster_state:ok");
    assertThat(status.output.lines().filter(line -> line.contains("role:master")).count()).isEqualTo(3);
    assertThat(status.output.lines().filter(line -> line.contains("role:slave")).count()).isEqualTo(3);
    Result smoke = run("smoke");
    assertThat(smoke.code).as(smoke.output).isZero();
    assertThat(smoke.output).contains("read and resolved through node 2");
  }

  @AfterEach
  void down() throws Exception {
    if (env != null) {
      Result down = run("down");
      assertThat(down.code).as(down.output).isZero();
      Files.deleteIfExists(stateParent);
    }
  }

  private record Result(int code, String output) {
  }

  private Result run(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 2];
    command[0] = "bash";
    command[1] = "scripts/cluster.sh";
    System.arraycopy(args, 0, command, 2, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(150, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }
}

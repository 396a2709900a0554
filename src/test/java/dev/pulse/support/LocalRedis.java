package dev.pulse.support;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real Redis on loopback for tests: a Cluster of N masters ({@link #cluster}) or one standalone
 * server ({@link #standalone}), started from {@code redis-server} on the PATH or,
 * when there is none, from the binary shipped in {@code com.github.codemonstur:embedded-redis}.
 * The cluster is formed here ({@code CLUSTER ADDSLOTS}, {@code CLUSTER MEET}) and torn down by
 * {@link #close()}. Ports come from 10000–22767 so that each node's bus port (port + 10000) is
 * valid too, both checked free.
 */
public final class LocalRedis implements AutoCloseable {

  private static final int SLOTS = 16384;

  private final Path dir;
  private final List<Integer> ports = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();

  private LocalRedis(Path dir) {
    this.dir = dir;
  }

  /** A Redis Cluster of {@code masters} masters, every slot assigned, {@code cluster_state:ok}. */
  public static LocalRedis cluster(int masters) {
    return start(masters, true);
  }

  /** One standalone Redis server (no cluster mode). */
  public static LocalRedis standalone() {
    return start(1, false);
  }

  private static LocalRedis start(int masters, boolean clusterMode) {
    Path dir;
    try {
      dir = Files.createTempDirectory("pulse-redis-cluster");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalRedis cluster = new LocalRedis(dir);
    try {
      String binary = redisServerBinary(dir);
      for (int i = 0; i < masters; i++) {
        cluster.startNode(binary, clusterMode);
      }
      if (clusterMode) {
        cluster.form();
      }
      return cluster;
    } catch (Exception e) {
      cluster.close();
      throw new IllegalStateException("cannot start Redis (" + masters + " node(s), cluster mode "
          + clusterMode + ") in " + dir, e);
    }
  }

  /** {@code redis://127.0.0.1:port} of every master. */
  public List<String> endpoints() {
    return ports.stream().map(port -> "redis://127.0.0.1:" + port).toList();
  }

  /** A cluster client for store-level tests (the nodes under test build theirs from config). */
  public Redis clusterClient(Vertx vertx) {
    RedisOptions options = new RedisOptions().setType(RedisClientType.CLUSTER).setMaxPoolSize(8)
        .setMaxPoolWaiting(1000).setMaxWaitingHandlers(1000);
    endpoints().forEach(options::addConnectionString);
    return Redis.createClient(vertx, options);
  }

  /** Comma-separated endpoints, as {@code PULSE_REDIS_ENDPOINTS} takes them. */
  public String endpointList() {
    return String.join(",", endpoints());
  }

  /** Stops every node (a crash as clients see it: connections reset, the port refuses). */
  public void stop() {
    thaw();
    for (Process process : processes) {
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts a stopped standalone node again on its port (empty: nothing is kept on disk). */
  public void restart() {
    try {
      String binary = redisServerBinary(dir);
      List<Integer> previous = List.copyOf(ports);
      ports.clear();
      processes.clear();
      for (int port : previous) {
        Process process = launch(binary, port, false);
        if (!awaitPing(port, process)) {
          throw new IllegalStateException("redis-server did not come back on port " + port);
        }
        ports.add(port);
        processes.add(process);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot restart Redis", e);
    }
  }

  private void startNode(String binary, boolean clusterMode) throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      // A port in 10000–22767 with its cluster bus port (port + 10000) free too.
      int port = LoopbackMachine.freeRange(10_000, 22_768, 1, true);
      Process process = launch(binary, port, clusterMode);
      if (awaitPing(port, process)) {
        ports.add(port);
        processes.add(process);
        return;
      }
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    throw new IllegalStateException("no redis-server node came up after 20 attempts");
  }

  private Process launch(String binary, int port, boolean clusterMode) throws IOException {
    return new ProcessBuilder(binary,
          "--port", Integer.toString(port),
          "--bind", "127.0.0.1",
          "--cluster-enabled", clusterMode ? "yes" : "no",
          "--cluster-config-file", "nodes-" + port + ".conf",
          "--cluster-node-timeout", "5000",
          "--dir", dir.toString(),
          "--save", "",
          "--appendonly", "no",
          "--protected-mode", "no",
          "--logfile", dir.resolve("redis-" + port + ".log").toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis-" + port + ".out").toFile())
          .start();
  }

  private static boolean awaitPing(int port, Process process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try (Resp resp = new Resp(port)) {
        if ("PONG".equals(resp.call("PING"))) {
          return true;
        }
      } catch (IOException notYet) {
        // the node is still starting: poll again
      }
      Thread.sleep(20); // polling an external process, not synchronising test logic
    }
    return false;
  }

  /** Splits the slots evenly, introduces every node to the first, and waits for a healthy cluster. */
  private void form() throws Exception {
    int n = ports.size();
    for (int i = 0; i < n; i++) {
      int from = i * SLOTS / n;
      int to = (i + 1) * SLOTS / n - 1;
      List<String> command = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
      for (int slot = from; slot <= to; slot++) {
        command.add(Integer.toString(slot));
      }
      try (Resp resp = new Resp(ports.get(i))) {
        resp.call(command);
      }
    }
    try (Resp first = new Resp(ports.get(0))) {
      for (int i = 1; i < n; i++) {
        first.call("CLUSTER", "MEET", "127.0.0.1", Integer.toString(ports.get(i)));
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!healthy(n)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Redis Cluster did not reach cluster_state:ok within 30 s");
      }
      Thread.sleep(50); // polling an external process, not synchronising test logic
    }
  }

  private boolean healthy(int n) throws IOException {
    for (int port : ports) {
      try (Resp resp = new Resp(port)) {
        String info = (String) resp.call("CLUSTER", "INFO");
        if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + n)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Freezes every node (SIGSTOP): connections stay open, commands get no answer. */
  public void freeze() {
    signal("-STOP");
  }

  /** Lets frozen nodes run again (SIGCONT). */
  public void thaw() {
    signal("-CONT");
  }

  private void signal(String signal) {
    for (Process process : processes) {
      try {
        new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    thaw();
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // best effort: a temp directory
    }
  }

  /** {@code redis-server} from the PATH, else the embedded-redis binary for this OS, extracted to {@code dir}. */
  static String redisServerBinary(Path dir) throws IOException {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        File candidate = new File(entry, "redis-server");
        if (candidate.isFile() && candidate.canExecute()) {
          return candidate.getAbsolutePath();
        }
      }
    }
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    boolean arm = arch.contains("aarch64") || arch.contains("arm");
    String resource = os.contains("mac")
        ? (arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64")
        : (arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64");
    Path target = dir.resolve("redis-server");
    try (InputStream in = LocalRedis.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no redis-server on the PATH and no embedded binary " + resource);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    if (!target.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + target + " executable");
    }
    return target.toString();
  }
}

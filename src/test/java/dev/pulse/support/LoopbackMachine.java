package dev.pulse.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** What tests that start processes ask of this machine: commands on the PATH, free loopback ports. */
public final class LoopbackMachine {

  private LoopbackMachine() {
  }

  /** True when {@code command} is an executable on the PATH. */
  public static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first of {@code count} consecutive free loopback ports from a random point in
   * [{@code from}, {@code to}), each with its Redis Cluster bus port (+10000) free too when
   * {@code withBusPorts}.
   */
  public static int freeRange(int from, int to, int count, boolean withBusPorts) {
    for (int base = from + ThreadLocalRandom.current().nextInt(to - from - 200); base < to - count; base += count) {
      boolean free = true;
      for (int port = base; port < base + count && free; port++) {
        free = isFree(port) && (!withBusPorts || isFree(port + 10_000));
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no " + count + " free ports in " + from + "-" + to);
  }

  /** True when nothing listens on {@code port} of 127.0.0.1 (a bind succeeds). */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

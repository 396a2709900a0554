package dev.pulse.services;

/** One probe of an instance: passed or not, when it started, how long it took, and why it failed. */
public record ProbeResult(boolean passed, long at, long latencyMs, String error) {

  /** The reason given in a status change: the error, or the pass, with the latency. */
  public String reason() {
    return (passed ? "passed" : error) + " in " + latencyMs + " ms";
  }
}

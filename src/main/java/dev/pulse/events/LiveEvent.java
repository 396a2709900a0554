package dev.pulse.events;

import java.util.List;

/**
 * One event of {@code GET /events}: its topic, its SSE event name and its data, already rendered
 * as one line of compact JSON (so that it is rendered once per node, not once per stream).
 */
public record LiveEvent(String topic, String name, String data) {

  public static final String REGISTRY = "registry";
  public static final String ALERTS = "alerts";
  public static final String DEVICES = "devices";
  public static final String STREAMS = "streams";

  /** Every topic a stream can ask for, in the order the README lists them. */
  public static final List<String> TOPICS = List.of(REGISTRY, ALERTS, DEVICES, STREAMS);

  /**
   * Not a topic: sent to every stream when events may have been missed (the node lost its Redis
   * subscription for a while); the page reloads what it shows.
   */
  public static final String RESYNC = "resync";

  public static LiveEvent resync() {
    return new LiveEvent(null, RESYNC, "{}");
  }

  /** One line per field: the data never holds a line break (compact JSON escapes them). */
  String toWire() {
    return topic + "\n" + name + "\n" + data;
  }

  static LiveEvent fromWire(String wire) {
    int first = wire.indexOf('\n');
    int second = first < 0 ? -1 : wire.indexOf('\n', first + 1);
    if (second < 0) {
      return null;
    }
    return new LiveEvent(wire.substring(0, first), wire.substring(first + 1, second), wire.substring(second + 1));
  }
}

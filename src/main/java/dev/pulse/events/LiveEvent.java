package dev.pulse.events;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One event of {@code GET /events}: its topic, its SSE event name and its data, already rendered
 * as one line of compact JSON, and the whole SSE frame as bytes, built once per node however many
 * streams it is written to. Immutable: the frame's array is never written after construction.
 */
public final class LiveEvent {

  private final String topic;
  private final String name;
  private final String data;
  private final byte[] frame;

  /** {@code topic} null for the control events every stream gets. */
  public LiveEvent(String topic, String name, String data) {
    this.topic = topic;
    this.name = name;
    this.data = data;
    this.frame = ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  public String topic() {
    return topic;
  }

  public String name() {
    return name;
  }

  public String data() {
    return data;
  }

  /** The SSE frame; callers must not modify it. */
  public byte[] frame() {
    return frame;
  }

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

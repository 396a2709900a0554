package dev.pulse;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes an immutable record between verticles of one process without copying it. Pulse nodes do
 * not share an event bus (they share Redis), so nothing is ever encoded to the wire.
 */
public final class LocalCodec<T> implements MessageCodec<T, T> {

  private final String name;

  private LocalCodec(Class<T> type) {
    this.name = "local:" + type.getName();
  }

  /** Registers a pass-through codec as the default for each of {@code types}. */
  public static void register(EventBus eventBus, java.util.List<Class<?>> types) {
    for (Class<?> type : types) {
      registerOne(eventBus, type);
    }
  }

  private static <T> void registerOne(EventBus eventBus, Class<T> type) {
    eventBus.registerDefaultCodec(type, new LocalCodec<>(type));
  }

  @Override
  public void encodeToWire(Buffer buffer, T value) {
    throw new UnsupportedOperationException(name + " is local only");
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    throw new UnsupportedOperationException(name + " is local only");
  }

  @Override
  public T transform(T value) {
    return value;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}

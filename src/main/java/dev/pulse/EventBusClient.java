package dev.pulse;

import dev.pulse.ops.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

/** Base of the typed domain clients: a request over the event bus with the configured send timeout. */
public abstract class EventBusClient {

  private final EventBus bus;
  private final DeliveryOptions options;

  protected EventBusClient(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /** Sends {@code body}, carrying the current request id (if any) as a header for the domain's log lines. */
  protected <T> Future<T> request(String address, Object body) {
    String requestId = RequestIds.current();
    DeliveryOptions delivery = requestId == null ? options
        : new DeliveryOptions(options).addHeader(RequestIds.HEADER, requestId);
    return bus.<T>request(address, body, delivery).map(Message::body);
  }
}

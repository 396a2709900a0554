package dev.pulse;

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

  protected <T> Future<T> request(String address, Object body) {
    return bus.<T>request(address, body, options).map(Message::body);
  }
}

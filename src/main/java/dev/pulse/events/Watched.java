package dev.pulse.events;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

/**
 * Whether this node's live-events verticle is listening to the domains (someone watches
 * {@code GET /events}, here or on another node). Work done only for watchers, such as coalescing
 * heartbeat renewals, asks it first and costs nothing while nobody watches. One per Vert.x
 * instance. A stream opened on this node sets it before the stream is told {@code ready}, so that
 * nothing made through this node afterwards is skipped; other nodes set theirs when they hear of
 * the stream through Redis, a few milliseconds later.
 */
public final class Watched implements Shareable {

  private static final String MAP = "pulse.events";
  private static final String KEY = "watched";

  private volatile boolean value;

  private Watched() {
  }

  /** The flag of {@code vertx}'s node, created on first use. */
  public static Watched of(Vertx vertx) {
    LocalMap<String, Watched> map = vertx.sharedData().getLocalMap(MAP);
    Watched fresh = new Watched();
    Watched existing = map.putIfAbsent(KEY, fresh);
    return existing == null ? fresh : existing;
  }

  public boolean get() {
    return value;
  }

  /**
   * Publishes {@code event} on {@code address} while someone watches, else does nothing: for the
   * addresses only the live-events verticle listens to. (A publish that finds no consumer is not
   * free: Vert.x builds a {@code NO_HANDLERS} exception for it, which was 3.5 % of the Redis
   * stream-admission path's CPU.)
   */
  public void publish(EventBus bus, String address, Object event) {
    if (value) {
      bus.publish(address, event);
    }
  }

  void set(boolean watched) {
    value = watched;
  }
}

package dev.pulse.ops;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.core.spi.context.storage.ContextLocal;
import java.util.UUID;

/**
 * The id of the request being served, kept in Vert.x context-local storage: each HTTP request and
 * each request to a domain runs on a context of its own (a duplicate of the verticle's), so the id
 * follows the request through every callback on that context, and {@link RequestIdTurboFilter}
 * puts it into each log line. A request to a domain ({@link dev.pulse.DomainRequests}) carries it
 * onto the context its handler runs on.
 *
 * <p>Registered as a {@link VertxServiceProvider} (META-INF/services) because context-local
 * storage must be declared before the first Vert.x instance is created.
 */
public final class RequestIds implements VertxServiceProvider {

  public static final String HEADER = "X-Request-Id";
  public static final int MAX_LENGTH = 128;
  static final ContextLocal<String> REQUEST_ID = ContextLocal.registerLocal(String.class);

  @Override
  public void init(VertxBootstrap builder) {
    // Registration happens in the static initialiser above; nothing to configure.
  }

  /** The id of the request the calling code serves, or null outside a request. */
  public static String current() {
    Context context = Vertx.currentContext();
    return context == null ? null : context.getLocal(REQUEST_ID);
  }

  /**
   * Makes {@code id} the current request's id. Only on a duplicated (per request or per message)
   * context, so that an id never sticks to a verticle's own context and leaks into later work.
   */
  public static void set(String id) {
    Context context = Vertx.currentContext();
    if (context instanceof io.vertx.core.internal.ContextInternal internal && internal.isDuplicate()) {
      context.putLocal(REQUEST_ID, id);
    }
  }

  /** Makes {@code id} the request id of {@code duplicate}, a context made for one request to a domain. */
  public static void carry(ContextInternal duplicate, String id) {
    duplicate.putLocal(REQUEST_ID, id);
  }

  /**
   * The id a client sent, when it is 1–128 characters from {@code [A-Za-z0-9._~:/+=-]} (UUIDs, ULIDs,
   * trace ids, base64 fit); otherwise a new random UUID (an id that could break a log line is not
   * echoed).
   */
  public static String accept(String sent) {
    if (sent != null && !sent.isEmpty() && sent.length() <= MAX_LENGTH) {
      boolean safe = true;
      for (int i = 0; i < sent.length() && safe; i++) {
        char c = sent.charAt(i);
        safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || ".~_:/+=-".indexOf(c) >= 0;
      }
      if (safe) {
        return sent;
      }
    }
    return generate();
  }

  /**
   * A new random id in UUID form. From {@link java.util.concurrent.ThreadLocalRandom}, not
   * {@link UUID#randomUUID()}: ids need to be unique, not unguessable, and the secure generator is
   * one lock shared by every event loop.
   */
  public static String generate() {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
  }
}

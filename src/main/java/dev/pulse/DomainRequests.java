package dev.pulse;

import dev.pulse.ops.RequestIds;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.ContextInternal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request/reply between the verticles of one Pulse node, in the event bus's shape (an address per
 * request kind, a {@link Message} the owner answers with {@code reply} or {@code fail}, failures
 * as {@link ReplyException}s) without its per-request costs. A domain verticle {@link #handle}s its
 * addresses; clients {@link #request} them, and the handler runs on the domain's own event loop,
 * the one thread that touches its state.
 *
 * <p>Why not the event bus itself: Pulse's verticles are in one process and its messages are
 * immutable records, so what the event bus does per request (a reply address registered in a
 * concurrent map and removed again, a timer, a codec lookup, interceptors, headers for the request
 * id) was pure cost: heartbeats went from 0.655 of the bare server's throughput to 0.784 without
 * it (BENCHMARKS.md). Here a request whose caller already runs on the owner's event loop is
 * handled at once, in the same turn; any other is handed to the owner's event loop, and the answer
 * back to the caller's. Published domain events stay on the event bus: they have many listeners and
 * no answer.
 *
 * <p>What the event bus gave and this keeps: {@code NO_HANDLERS} when no verticle handles the
 * address (it was never deployed, or it stopped), {@code TIMEOUT} when no answer comes within the
 * request's timeout, {@code RECIPIENT_FAILURE} with the owner's code from {@code fail}; the
 * handler runs on a duplicate of the owner's context carrying the caller's request id. More: a
 * handler that throws answers {@code 500} at once (logged here) instead of leaving the request to
 * time out.
 */
public final class DomainRequests {

  private static final Logger LOG = LoggerFactory.getLogger(DomainRequests.class);

  private final Vertx vertx;
  private final Map<String, Owner<?>> owners = new ConcurrentHashMap<>();

  public DomainRequests(Vertx vertx) {
    this.vertx = vertx;
  }

  private record Owner<T>(ContextInternal context, Handler<Message<T>> handler) {
  }

  /**
   * Makes the calling verticle the owner of {@code address}: every request to it runs {@code handler} on
   * this verticle's context, until the verticle is undeployed. Call from the verticle's
   * {@code start()}; fails if another verticle handles the address already.
   */
  public <T> Future<Void> handle(String address, Handler<Message<T>> handler) {
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    Owner<T> owner = new Owner<>(context, handler);
    if (owners.putIfAbsent(address, owner) != null) {
      return Future.failedFuture(new IllegalStateException(address + " is handled by another verticle already"));
    }
    context.addCloseHook(completion -> {
      owners.remove(address, owner);
      completion.succeed();
    });
    return Future.succeededFuture();
  }

  /**
   * Sends {@code body} to the owner of {@code address} and completes with its answer, on the
   * caller's context; fails with a {@link ReplyException} as the event bus would.
   */
  public <T> Future<T> request(String address, Object body, long timeoutMs) {
    ContextInternal caller = (ContextInternal) vertx.getOrCreateContext();
    @SuppressWarnings("unchecked")
    Owner<Object> owner = (Owner<Object>) owners.get(address);
    if (owner == null) {
      return caller.failedFuture(new ReplyException(ReplyFailure.NO_HANDLERS, "no handler for " + address));
    }
    Request<T> request = new Request<>(address, body, caller);
    String requestId = RequestIds.current();
    ContextInternal delivery = owner.context();
    if (requestId != null) {
      delivery = delivery.duplicate();
      RequestIds.carry(delivery, requestId);
    }
    delivery.emit(request, message -> handleSafely(owner, address, message));
    request.startTimer(timeoutMs);
    return request.promise.future();
  }

  /** Runs the owner's handler; one that throws fails the request with a 500 instead of leaving it unanswered. */
  private static void handleSafely(Owner<Object> owner, String address, Message<Object> request) {
    try {
      owner.handler().handle(request);
    } catch (RuntimeException e) {
      LOG.error("handler of {} failed", address, e);
      DomainFailure.fail(request, 500, "INTERNAL_ERROR", "internal error handling " + address);
    }
  }

  /**
   * One request: the message the owner answers, and the caller's promise. Answered once: by the
   * owner's first {@code reply} or {@code fail}, or by the timeout, whichever comes first.
   */
  private static final class Request<T> implements Message<Object> {

    private static final AtomicIntegerFieldUpdater<Request> ANSWERED =
        AtomicIntegerFieldUpdater.newUpdater(Request.class, "answered");

    private final String address;
    private final Object body;
    private final ContextInternal caller;
    private final Promise<T> promise;
    private volatile int answered;
    /** Armed on the caller's thread; cancelled where the answer is delivered, on the caller's event loop. */
    private volatile ScheduledFuture<?> timer;
    private MultiMap headers;

    Request(String address, Object body, ContextInternal caller) {
      this.address = address;
      this.body = body;
      this.caller = caller;
      this.promise = caller.promise();
    }

    /**
     * Arms the timeout on the caller's event loop, unless the owner has answered already (a
     * request handled at once in the caller's turn needs none).
     */
    void startTimer(long timeoutMs) {
      if (answered == 0) {
        timer = caller.nettyEventLoop().schedule(this::timedOut, timeoutMs, TimeUnit.MILLISECONDS);
      }
    }

    private void timedOut() {
      if (ANSWERED.compareAndSet(this, 0, 1)) {
        promise.fail(new ReplyException(ReplyFailure.TIMEOUT, "no answer from " + address + " in time"));
      }
    }

    @Override
    public void reply(Object answer) {
      if (!ANSWERED.compareAndSet(this, 0, 1)) {
        return;
      }
      caller.execute(() -> {
        if (timer != null) {
          timer.cancel(false);
        }
        if (answer instanceof ReplyException failure) {
          promise.fail(failure);
        } else {
          @SuppressWarnings("unchecked")
          T result = (T) answer;
          promise.complete(result);
        }
      });
    }

    @Override
    public void reply(Object answer, DeliveryOptions options) {
      reply(answer);
    }

    @Override
    public void fail(int failureCode, String message) {
      reply(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, failureCode, message));
    }

    @Override
    public <R> Future<Message<R>> replyAndRequest(Object message, DeliveryOptions options) {
      throw new UnsupportedOperationException("a domain request is answered once, with reply or fail");
    }

    @Override
    public String address() {
      return address;
    }

    @Override
    public MultiMap headers() {
      if (headers == null) {
        headers = MultiMap.caseInsensitiveMultiMap();
      }
      return headers;
    }

    @Override
    public Object body() {
      return body;
    }

    @Override
    public String replyAddress() {
      return null;
    }

    @Override
    public boolean isSend() {
      return true;
    }
  }
}

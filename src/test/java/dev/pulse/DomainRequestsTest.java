package dev.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.ops.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Requests between verticles (DomainRequests)")
class DomainRequestsTest {

  private static final long TIMEOUT_MS = 5_000;

  /** Two event loops, so that two verticles deployed one after the other run on different threads. */
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
  private final DomainRequests requests = new DomainRequests(vertx);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** A verticle that handles {@code address} with {@code handler}; its context is where requests run. */
  private static final class Owner extends VerticleBase {
    final DomainRequests requests;
    final String address;
    final Handler<Message<Object>> handler;

    Owner(DomainRequests requests, String address, Handler<Message<Object>> handler) {
      this.requests = requests;
      this.address = address;
      this.handler = handler;
    }

    @Override
    public Future<?> start() {
      return requests.handle(address, handler);
    }

    ContextInternal context() {
      return (ContextInternal) context;
    }
  }

  private Owner deploy(String address, Handler<Message<Object>> handler) {
    Owner owner = new Owner(requests, address, handler);
    vertx.deployVerticle(owner).await();
    return owner;
  }

  /** Runs {@code call} on {@code context}'s event loop and waits for the future it returns. */
  private static <T> T callFrom(ContextInternal context, java.util.function.Supplier<Future<T>> call) {
    Promise<T> done = Promise.promise();
    context.runOnContext(ignored -> call.get().onComplete(done));
    return done.future().await();
  }

  @Test
  @DisplayName("a request made on the owner's event loop is answered in the same turn, before request() returns")
  void sameLoopAnsweredInTurn() {
    Owner owner = deploy("test.add", message -> message.reply((Integer) message.body() + 1));
    AtomicReference<Boolean> completeOnReturn = new AtomicReference<>();

    Integer answer = callFrom(owner.context(), () -> {
      Future<Integer> result = requests.request("test.add", 41, TIMEOUT_MS);
      completeOnReturn.set(result.isComplete());
      return result;
    });

    assertThat(answer).isEqualTo(42);
    assertThat(completeOnReturn.get()).isTrue();
  }

  @Test
  @DisplayName("a request from another event loop runs on the owner's thread and is answered on the caller's")
  void otherLoopHandedOver() {
    AtomicReference<Thread> handledOn = new AtomicReference<>();
    Owner owner = deploy("test.where", message -> {
      handledOn.set(Thread.currentThread());
      message.reply("done");
    });
    Owner caller = deploy("test.unused", message -> message.reply(null));
    AtomicReference<Thread> callerThread = new AtomicReference<>();
    AtomicReference<Thread> answeredOn = new AtomicReference<>();

    String answer = callFrom(caller.context(), () -> {
      callerThread.set(Thread.currentThread());
      return requests.<String>request("test.where", null, TIMEOUT_MS).onSuccess(ignored ->
          answeredOn.set(Thread.currentThread()));
    });

    assertThat(answer).isEqualTo("done");
    assertThat(callerThread.get()).isNotEqualTo(owner.context().nettyEventLoop().submit(Thread::currentThread)
        .syncUninterruptibly().getNow());
    assertThat(handledOn.get()).isEqualTo(owner.context().nettyEventLoop().submit(Thread::currentThread)
        .syncUninterruptibly().getNow());
    assertThat(answeredOn.get()).isEqualTo(callerThread.get());
  }

  @Test
  @DisplayName("fail(code, message) reaches the caller as the event bus's RECIPIENT_FAILURE with that code")
  void failureCarriesCode() {
    deploy("test.refuse", message -> DomainFailure.fail(message, 404, "THING_NOT_FOUND", "no such thing"));

    assertThatThrownBy(() -> requests.request("test.refuse", "x", TIMEOUT_MS).await())
        .isInstanceOfSatisfying(ReplyException.class, failure -> {
          assertThat(failure.failureType()).isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
          assertThat(DomainFailure.from(failure)).isEqualTo(new DomainFailure(404, "THING_NOT_FOUND", "no such thing"));
        });
  }

  @Test
  @DisplayName("an address nobody handles, or whose verticle was undeployed, fails with NO_HANDLERS")
  void noHandlers() {
    Owner owner = deploy("test.echo", message -> message.reply(message.body()));
    assertThat(requests.<String>request("test.echo", "hi", TIMEOUT_MS).await()).isEqualTo("hi");

    vertx.undeploy(owner.deploymentID()).await();

    for (String address : new String[] {"test.echo", "test.never"}) {
      assertThatThrownBy(() -> requests.request(address, "hi", TIMEOUT_MS).await())
          .isInstanceOfSatisfying(ReplyException.class,
              failure -> assertThat(failure.failureType()).isEqualTo(ReplyFailure.NO_HANDLERS));
    }
  }

  @Test
  @DisplayName("no answer within the timeout fails with TIMEOUT; a late answer is then ignored")
  void timeout() {
    AtomicReference<Message<Object>> unanswered = new AtomicReference<>();
    Owner owner = deploy("test.silent", unanswered::set);

    assertThatThrownBy(() -> requests.request("test.silent", null, 50).await())
        .isInstanceOfSatisfying(ReplyException.class,
            failure -> assertThat(failure.failureType()).isEqualTo(ReplyFailure.TIMEOUT));
    callFrom(owner.context(), () -> {
      unanswered.get().reply("too late");
      return Future.succeededFuture();
    });
  }

  @Test
  @DisplayName("only the first answer counts: a second reply or fail is ignored")
  void firstAnswerWins() {
    deploy("test.twice", message -> {
      message.reply("first");
      message.reply("second");
      message.fail(500, "INTERNAL_ERROR: third");
    });

    assertThat(requests.<String>request("test.twice", null, TIMEOUT_MS).await()).isEqualTo("first");
  }

  @Test
  @DisplayName("a handler that throws answers a 500 INTERNAL_ERROR at once instead of timing out")
  void throwingHandler() {
    deploy("test.broken", message -> {
      throw new IllegalStateException("bug");
    });

    assertThatThrownBy(() -> requests.request("test.broken", null, 60_000).await())
        .isInstanceOfSatisfying(ReplyException.class, failure -> {
          assertThat(failure.failureType()).isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
          assertThat(DomainFailure.from(failure).status()).isEqualTo(500);
          assertThat(DomainFailure.from(failure).code()).isEqualTo("INTERNAL_ERROR");
        });
  }

  @Test
  @DisplayName("a second verticle cannot handle an address another one handles")
  void oneOwnerPerAddress() {
    deploy("test.owned", message -> message.reply(1));

    assertThatThrownBy(() -> deploy("test.owned", message -> message.reply(2)))
        .hasMessageContaining("test.owned");
    assertThat(requests.<Integer>request("test.owned", null, TIMEOUT_MS).await()).isEqualTo(1);
  }

  @Test
  @DisplayName("the caller's request id is the current request id where the handler runs, on either path")
  void requestIdCarried() {
    Owner owner = deploy("test.id", message -> message.reply(RequestIds.current()));
    Owner other = deploy("test.unused", message -> message.reply(null));

    for (Owner caller : new Owner[] {owner, other}) {
      String id = "req-" + caller.deploymentID();
      String seen = callFrom(caller.context().duplicate(), () -> {
        RequestIds.set(id);
        return requests.request("test.id", null, TIMEOUT_MS);
      });
      assertThat(seen).isEqualTo(id);
    }
    String withoutId = callFrom(owner.context(), () -> requests.request("test.id", null, TIMEOUT_MS));
    assertThat(withoutId).isNull();
  }
}

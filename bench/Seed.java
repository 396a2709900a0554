import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeds a running Pulse with COUNT POSTs to BASE + PATH, where PATH is a format taking
 * (i % GROUPS, i), e.g. "/g%d/i%d", each with BODY (or none when "-"), CONCURRENCY in flight.
 * Prints "seeded <n> failed <n>". Run with: java bench/Seed.java BASE PATH COUNT GROUPS CONCURRENCY BODY
 */
public class Seed {

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String path = args[1];
    int count = Integer.parseInt(args[2]);
    int groups = Integer.parseInt(args[3]);
    int concurrency = Integer.parseInt(args[4]);
    String body = args[5];
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Semaphore inFlight = new Semaphore(concurrency);
    CountDownLatch done = new CountDownLatch(count);
    AtomicInteger failed = new AtomicInteger();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + String.format(path, i % groups, i)))
          .POST(body.equals("-") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
          .build();
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
        if (failure != null || response.statusCode() >= 300) {
          failed.incrementAndGet();
        }
        inFlight.release();
        done.countDown();
      });
    }
    done.await();
    System.out.printf("seeded %d failed %d%n", count - failed.get(), failed.get());
  }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts exactly EVENTS alert events to BASE/alerts/events with CONCURRENCY requests in flight and
 * prints "events/s <rate> statuses <map>". Events: 30 000 alerts, 20 services, 10 responders; each
 * alert's created / acknowledged / resolved events in random order, with duplicates.
 * Run with: java bench/AlertLoad.java http://127.0.0.1:18480 100000 32   (loopback only)
 */
public class AlertLoad {

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int events = Integer.parseInt(args[1]);
    int concurrency = Integer.parseInt(args[2]);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    Semaphore inFlight = new Semaphore(concurrency);
    CountDownLatch finished = new CountDownLatch(events);
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    Random random = new Random(7);
    URI uri = URI.create(base + "/alerts/events");
    long start = System.nanoTime();
    for (int i = 0; i < events; i++) {
      String body = event(random);
      inFlight.acquire();
      client.sendAsync(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, failure) -> {
            statuses.computeIfAbsent(failure == null ? response.statusCode() : -1, s -> new AtomicInteger())
                .incrementAndGet();
            inFlight.release();
            finished.countDown();
          });
    }
    finished.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("events/s %.0f statuses %s%n", events / seconds, statuses);
  }

  private static String event(Random random) {
    int n = 1 + random.nextInt(30_000);
    long triggered = (1_795_300_000L + n * 7L) * 1000 + n % 1000;
    int stage = random.nextInt(3);
    StringBuilder body = new StringBuilder()
        .append("{\"type\":\"").append(stage == 0 ? "ALERT_CREATED" : "ALERT_CHANGED").append("\",\"alert\":{")
        .append("\"alertId\":\"alert-").append(n).append("\",\"name\":\"check ").append(n % 50).append("\",")
        .append("\"status\":\"").append(stage == 0 ? "TRIGGERED" : stage == 1 ? "ACKNOWLEDGED" : "RESOLVED").append("\",")
        .append("\"responder\":{\"userId\":\"u").append(n % 10).append("\",\"name\":\"responder ").append(n % 10).append("\"},")
        .append("\"service\":{\"serviceId\":\"s").append(n % 20).append("\",\"name\":\"svc-").append(n % 20).append("\"},")
        .append("\"triggeredOn\":\"").append(Instant.ofEpochMilli(triggered)).append('"');
    if (stage >= 1) {
      body.append(",\"acknowledgedOn\":\"").append(Instant.ofEpochMilli(triggered + 1000L * (n % 600 + 1))).append('"');
    }
    if (stage == 2) {
      body.append(",\"resolvedOn\":\"").append(Instant.ofEpochMilli(triggered + 1000L * (n % 3600 + 700))).append('"');
    }
    return body.append("}}").toString();
  }
}

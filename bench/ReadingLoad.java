import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts READINGS readings to BASE/ingest in batches of 100, DEVICES devices (one batch each when
 * READINGS = 100 * DEVICES), with CONCURRENCY requests in flight. Each batch is shuffled (out of
 * order) and repeats 5 % of its timestamps (duplicates, refused with 409). Prints
 * "readings/s <rate> accepted <n> refused <n> failed <n>".
 * Run with: java bench/ReadingLoad.java http://127.0.0.1:18480 1000000 10000 32   (loopback only)
 */
public class ReadingLoad {

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int readings = Integer.parseInt(args[1]);
    int devices = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    int batches = readings / 100;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Semaphore inFlight = new Semaphore(concurrency);
    CountDownLatch finished = new CountDownLatch(batches);
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Random random = new Random(11);
    URI uri = URI.create(base + "/ingest");
    long start = System.nanoTime();
    for (int b = 0; b < batches; b++) {
      String body = batch("device-" + (b % devices), b / devices, random);
      inFlight.acquire();
      client.sendAsync(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
          .whenComplete((response, failure) -> {
            if (failure != null || (response.statusCode() != 202 && response.statusCode() != 207)) {
              failed.addAndGet(100);
            } else {
              String text = response.body();
              long ok = count(text, "\"status\":202");
              accepted.addAndGet(ok);
              refused.addAndGet(count(text, "\"status\":") - ok);
            }
            inFlight.release();
            finished.countDown();
          });
    }
    finished.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("readings/s %.0f accepted %d refused %d failed %d%n", batches * 100 / seconds, accepted.get(),
        refused.get(), failed.get());
  }

  private static String batch(String device, int round, Random random) {
    long base = 1_700_000_000L + round * 1000L;
    List<String> stamps = new ArrayList<>(100);
    for (int i = 0; i < 100; i++) {
      stamps.add(i % 20 == 19 ? stamps.get(random.nextInt(i)) : Instant.ofEpochSecond(base + i, random.nextInt(1000) * 1_000_000L).toString());
    }
    Collections.shuffle(stamps, random);
    StringBuilder body = new StringBuilder(6000).append("{\"id\":\"").append(device).append("\",\"readings\":[");
    for (int i = 0; i < stamps.size(); i++) {
      body.append(i == 0 ? "" : ",").append("{\"timestamp\":\"").append(stamps.get(i)).append("\",\"count\":")
          .append(random.nextInt(100)).append('}');
    }
    return body.append("]}").toString();
  }

  private static long count(String text, String needle) {
    long n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      n++;
    }
    return n;
  }
}

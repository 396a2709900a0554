package dev.pulse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.Pulse;
import dev.pulse.support.TestConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The dashboard in a real browser (Debian's headless Chromium): a Pulse node on the memory store,
 * changes made through the JSON API, and what the page shows without being reloaded. Each view is
 * saved to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Dashboard at /ui/ in headless Chromium")
class DashboardBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  /** Long enough for a slow machine to load the page and click before the instances expire. */
  private static final long TTL_MS = 3_000;

  private final Vertx vertx = Vertx.vertx();
  private Pulse node;
  private WebClient api;
  private Browser browser;

  @BeforeAll
  void start() {
    if (!Browser.installed()) {
      // CI installs the browser and requires these tests (.ci/run): there a missing one fails instead of skipping.
      if ("required".equals(System.getenv("PULSE_BROWSER_TESTS"))) {
        throw new AssertionError("PULSE_BROWSER_TESTS=required but " + Browser.CHROMIUM + " or "
            + Browser.CHROMEDRIVER + " is missing: apt-get install -y chromium chromium-driver");
      }
      Assumptions.abort("no " + Browser.CHROMIUM + " / " + Browser.CHROMEDRIVER
          + " (apt-get install -y chromium chromium-driver): dashboard browser tests skipped");
    }
    node = Pulse.deploy(vertx, TestConfig.memory(Map.of("PULSE_HEARTBEAT_TTL_MS", String.valueOf(TTL_MS),
        "PULSE_EXPIRY_INTERVAL_MS", "100", "PULSE_EVENTS_COALESCE_MS", "200"))).await();
    api = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.port()));
    browser = new Browser(1280, 900);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (node != null) {
      node.stop().await();
    }
    vertx.close().await();
  }

  @BeforeEach
  void desktopWidth() {
    if (browser != null) {
      browser.driver.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  /** Opens a view and waits until its live connection is up (so that later changes reach it). */
  private void open(String hash) {
    browser.driver.get("about:blank");
    browser.driver.get("http://127.0.0.1:" + node.port() + "/ui/" + hash);
    browser.until(WAIT, "the live indicator to say Live",
        d -> "open".equals(d.findElement(By.id("live")).getAttribute("data-live")));
  }

  private HttpResponse<Buffer> send(HttpMethod method, String path, String body) {
    var request = api.request(method, path);
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  private String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  /** The text of the first element matching {@code css}, or null when there is none. */
  private String textOrNull(String css) {
    List<WebElement> found = browser.driver.findElements(By.cssSelector(css));
    return found.isEmpty() ? null : found.get(0).getText();
  }

  private boolean present(String css) {
    return !browser.driver.findElements(By.cssSelector(css)).isEmpty();
  }

  private String figure(String label) {
    List<WebElement> found = browser.driver.findElements(By.cssSelector("[data-figure='" + label + "'] dd"));
    return found.isEmpty() ? null : found.get(0).getText();
  }

  @Test
  @DisplayName("registry: a heartbeat posted through the API appears without reload, and disappears when it expires")
  void registryLive() {
    String group = "shop-" + UUID.randomUUID().toString().substring(0, 8);
    open("#registry");

    send(HttpMethod.POST, "/" + group + "/pod-1", "{\"meta\":{\"address\":\"http://10.0.0.1:8080\",\"version\":\"1.4.2\"}}");
    browser.until(WAIT, "the group's row with 1 instance",
        d -> "1".equals(textOrNull("tr[data-name='" + group + "'] [data-col='instances']")));

    browser.until(WAIT, "the group's button", d -> {
      d.findElement(By.cssSelector("tr[data-name='" + group + "'] button.open")).click();
      return true;
    });
    String instance = browser.until(WAIT, "the instance row",
        d -> textOrNull("#instances-table tr[data-id='pod-1']"));
    assertThat(instance).contains("http://10.0.0.1:8080", "1.4.2", "healthy");
    assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Instances of " + group);

    // A second instance heartbeats while the page is open; the first one keeps heartbeating.
    send(HttpMethod.POST, "/" + group + "/pod-2", "{\"meta\":{\"address\":\"http://10.0.0.2:8080\",\"version\":\"1.5.0\"}}");
    send(HttpMethod.POST, "/" + group + "/pod-1", null);
    browser.until(WAIT, "the second instance row", d -> present("#instances-table tr[data-id='pod-2']"));
    browser.screenshot("registry-group");

    // Nobody heartbeats any more: both expire after the TTL and leave the page.
    browser.until(WAIT, "the instances to disappear after expiring",
        d -> !present("#instances-table tr[data-id='pod-1']") && !present("#instances-table tr[data-id='pod-2']"));
    assertThat(text("#registry [data-part='group'] [data-state]")).contains("No live instance");
    browser.driver.findElement(By.cssSelector("#registry a.back")).click();
    browser.until(WAIT, "the group to leave the overview", d -> !present("tr[data-name='" + group + "']"));
  }

  @Test
  @DisplayName("registry: the overview shows heartbeat groups and registered services with counts by status")
  void registryOverview() {
    send(HttpMethod.POST, "/checkout/pod-1", "{\"meta\":{\"version\":\"1.4.2\"}}");
    send(HttpMethod.POST, "/checkout/pod-2", "{\"meta\":{\"version\":\"1.4.2\"}}");
    send(HttpMethod.POST, "/services", "{\"name\":\"user-service\",\"version\":\"1.5.0\","
        + "\"endpoints\":[\"http://10.0.0.1:3000\",\"http://10.0.0.2:3000\"]}");
    open("#registry");
    browser.until(WAIT, "user-service with 2 healthy instances",
        d -> "2".equals(textOrNull("tr[data-name='user-service'] [data-col='healthy']")));
    assertThat(textOrNull("tr[data-name='user-service']")).contains("registered");
    browser.until(WAIT, "checkout with 2 instances",
        d -> "2".equals(textOrNull("tr[data-name='checkout'] [data-col='instances']")));
    browser.screenshot("registry");
    send(HttpMethod.DELETE, "/services/user-service", null);
  }

  @Test
  @DisplayName("alerts: an ingested alert appears and the statistics change; a filter narrows the list; a bad one is explained")
  void alertsLive() {
    // A day of history: alerts every 3 hours, the older ones acknowledged and resolved.
    Instant now = Instant.now();
    for (int i = 1; i <= 7; i++) {
      Instant triggered = now.minusSeconds(i * 3 * 3600L);
      String acknowledged = i > 2 ? "\"" + triggered.plusSeconds(i * 240L) + "\"" : "null";
      String resolved = i > 4 ? "\"" + triggered.plusSeconds(i * 540L) + "\"" : "null";
      send(HttpMethod.POST, "/alerts/events", "{\"type\":\"ALERT_CREATED\",\"alert\":{\"alertId\":\"a-"
          + UUID.randomUUID() + "\",\"name\":\"Disk full on db-" + i + "\",\"status\":\"TRIGGERED\","
          + "\"service\":{\"serviceId\":\"s-" + (i % 2) + "\",\"name\":\"" + (i % 2 == 0 ? "checkout" : "search")
          + "\"},\"responder\":{\"userId\":\"u2\",\"name\":\"Bo\"},\"triggeredOn\":\"" + triggered
          + "\",\"acknowledgedOn\":" + acknowledged + ",\"resolvedOn\":" + resolved + "}}");
    }
    open("#alerts");
    String total = browser.until(WAIT, "the statistics", d -> figure("Alerts"));
    int before = Integer.parseInt(total);

    String id = "a-" + UUID.randomUUID();
    send(HttpMethod.POST, "/alerts/events", alert(id, "CPU high", "payments", "TRIGGERED", Instant.now().toString()));
    String row = browser.until(WAIT, "the new alert's row", d -> textOrNull("#alerts-table tr[data-id='" + id + "']"));
    assertThat(row).contains("CPU high", "payments", "triggered");
    browser.until(WAIT, "the statistics to count it", d -> String.valueOf(before + 1).equals(figure("Alerts")));
    browser.until(WAIT, "the charts", d -> present("#alert-count-chart canvas") && present("#alert-time-chart canvas"));
    browser.driver.manage().window().setSize(new Dimension(1280, 1200));
    ((JavascriptExecutor) browser.driver).executeScript("window.scrollTo(0, 0)");
    browser.screenshot("alerts");

    WebElement service = browser.driver.findElement(By.name("service.name"));
    service.sendKeys("payments");
    browser.driver.findElement(By.cssSelector("#alert-filters button[type='submit']")).click();
    browser.until(WAIT, "only payments alerts", d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("#alerts-table tbody tr"));
      return !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains("payments"));
    });
    browser.until(WAIT, "the statistics of the filtered alerts", d -> "1".equals(figure("Alerts")));

    WebElement since = browser.driver.findElement(By.name("since"));
    since.sendKeys("yesterday");
    browser.driver.findElement(By.cssSelector("#alert-filters button[type='submit']")).click();
    String error = browser.until(WAIT, "the filter error in words", d -> {
      String shown = d.findElement(By.cssSelector("[data-state='filters']")).getText();
      return shown.isEmpty() ? null : shown;
    });
    assertThat(error).contains("since").contains("yesterday");
    browser.screenshot("alerts-filter-error");
    browser.driver.findElement(By.cssSelector("#alert-filters button[type='reset']")).click();
    browser.until(WAIT, "the error to clear", d -> d.findElement(By.cssSelector("[data-state='filters']")).getText().isEmpty());
  }

  @Test
  @DisplayName("devices: the readings chart renders, and readings ingested while it is open are added to it")
  void devicesChart() {
    String device = "sensor-" + UUID.randomUUID().toString().substring(0, 8);
    StringBuilder readings = new StringBuilder();
    Instant start = Instant.now().minusSeconds(3600);
    for (int i = 0; i < 30; i++) {
      readings.append(i == 0 ? "" : ",").append("{\"timestamp\":\"").append(start.plusSeconds(i * 120L))
          .append("\",\"count\":").append(1 + (i * 7) % 11).append('}');
    }
    send(HttpMethod.POST, "/ingest", "{\"id\":\"" + device + "\",\"readings\":[" + readings + "]}");
    open("#devices");
    browser.until(WAIT, "the device row", d -> {
      d.findElement(By.cssSelector("#devices-table tr[data-id='" + device + "'] button.open")).click();
      return true;
    });
    browser.until(WAIT, "the chart with 30 points",
        d -> present("#device-chart canvas") && "30".equals(d.findElement(By.id("device-chart")).getAttribute("data-points")));
    assertThat(figure("Readings stored")).isEqualTo("30");

    send(HttpMethod.POST, "/ingest", "{\"id\":\"" + device + "\",\"readings\":[{\"timestamp\":\""
        + Instant.now() + "\",\"count\":4}]}");
    browser.until(WAIT, "the new reading on the chart",
        d -> "31".equals(d.findElement(By.id("device-chart")).getAttribute("data-points")));
    browser.screenshot("device");
  }

  @Test
  @DisplayName("streams: a user's leases and limit are looked up, and a stream started meanwhile shows up")
  void streamsLookup() {
    String user = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
    send(HttpMethod.POST, "/users/" + user + "/streams", "{\"streamId\":\"s1\",\"contentId\":\"movie-9\",\"deviceId\":\"tv\"}");
    open("#streams");
    browser.driver.findElement(By.name("userId")).sendKeys(user, Keys.ENTER);
    browser.until(WAIT, "the lease row", d -> present("#leases-table tr[data-id='s1']"));
    assertThat(figure("Active streams")).isEqualTo("1");
    assertThat(figure("Limit")).startsWith("3");

    send(HttpMethod.POST, "/users/" + user + "/streams", "{\"streamId\":\"s2\",\"contentId\":\"series-3\",\"deviceId\":\"phone\"}");
    browser.until(WAIT, "the second lease", d -> present("#leases-table tr[data-id='s2']"));
    browser.screenshot("streams");

    browser.driver.findElement(By.name("userId")).clear();
    browser.driver.findElement(By.name("userId")).sendKeys("not a valid id", Keys.ENTER);
    String error = browser.until(WAIT, "the invalid id explained", d -> {
      String shown = d.findElement(By.cssSelector("#streams [data-state]")).getText();
      return shown.contains("Cannot look up") ? shown : null;
    });
    assertThat(error).contains("userId");
  }

  @Test
  @DisplayName("keyboard: the views are reached with Tab and Enter, and the view's heading takes the focus")
  void keyboardNavigation() {
    open("#registry");
    Actions keys = new Actions(browser.driver);
    WebElement focused = null;
    for (int i = 0; i < 10; i++) {
      keys.sendKeys(Keys.TAB).perform();
      focused = browser.driver.switchTo().activeElement();
      if ("Devices".equals(focused.getText())) {
        break;
      }
    }
    assertThat(focused.getText()).isEqualTo("Devices");
    keys.sendKeys(Keys.ENTER).perform();
    browser.until(WAIT, "the devices view", d -> d.findElement(By.id("devices")).isDisplayed());
    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("devices-title");
  }

  @Test
  @DisplayName("phone width: nothing is wider than the screen, tables scroll inside their box")
  void phoneWidth() {
    send(HttpMethod.POST, "/alerts/events", alert("a-" + UUID.randomUUID(), "Latency high", "checkout", "TRIGGERED",
        Instant.now().toString()));
    // Drawn wide, then the window narrows (a phone turned, a window resized): the charts follow.
    open("#alerts");
    browser.until(WAIT, "the charts", d -> present("#alert-time-chart canvas"));
    browser.driver.manage().window().setSize(new Dimension(390, 844));
    browser.until(WAIT, "the charts to narrow with the window", d -> ((Number) ((JavascriptExecutor) d).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue() <= 0);
    for (String view : List.of("#registry", "#alerts", "#devices", "#streams")) {
      open(view);
      browser.until(WAIT, "the view to load", d -> d.findElements(By.cssSelector(".message.loading")).isEmpty()
          && (!view.equals("#alerts") || present("#alert-time-chart canvas")));
      Object overflow = ((JavascriptExecutor) browser.driver).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      Object widest = ((JavascriptExecutor) browser.driver).executeScript(
          "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
          + ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-wrap'))"
          + ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().left) + '-' + Math.round(e.getBoundingClientRect().right) + ' ' + getComputedStyle(e).display).join(', ') + ' cw=' + w;");
      assertThat(((Number) overflow).intValue()).as("horizontal overflow of %s at 390 px: %s", view, widest)
          .isLessThanOrEqualTo(0);
    }
    open("#alerts");
    browser.until(WAIT, "the statistics", d -> figure("Alerts"));
    browser.screenshot("alerts-phone");
  }

  @Test
  @DisplayName("Pulse unreachable: the page says so in words, in the live badge and where data fails to load")
  void unreachable() {
    Vertx other = Vertx.vertx();
    try {
      Pulse doomed = Pulse.deploy(other, TestConfig.memory(Map.of())).await();
      browser.driver.get("about:blank");
      browser.driver.get("http://127.0.0.1:" + doomed.port() + "/ui/#registry");
      browser.until(WAIT, "the live badge to say Live",
          d -> "open".equals(d.findElement(By.id("live")).getAttribute("data-live")));
      doomed.stop().await();

      String badge = browser.until(WAIT, "the live badge to say Pulse is unreachable", d -> {
        WebElement live = d.findElement(By.id("live"));
        return "down".equals(live.getAttribute("data-live")) ? live.getText() : null;
      });
      assertThat(badge).contains("Pulse unreachable");
      browser.driver.findElement(By.cssSelector("[data-nav='devices']")).click();
      String error = browser.until(WAIT, "the devices view to explain",
          d -> {
            String shown = textOrNull("#devices [data-part='list'] [data-state]");
            return shown != null && shown.contains("unreachable") ? shown : null;
          });
      assertThat(error).startsWith("Cannot load devices: Pulse is unreachable");
      browser.screenshot("unreachable");
    } finally {
      other.close().await();
    }
  }

  private static String alert(String id, String name, String service, String status, String triggeredOn) {
    return "{\"type\":\"ALERT_CREATED\",\"alert\":{\"alertId\":\"" + id + "\",\"name\":\"" + name + "\",\"status\":\""
        + status + "\",\"service\":{\"serviceId\":\"" + service + "\",\"name\":\"" + service + "\"},"
        + "\"responder\":{\"userId\":\"u1\",\"name\":\"Ann\"},\"triggeredOn\":\"" + triggeredOn + "\"}}";
  }
}

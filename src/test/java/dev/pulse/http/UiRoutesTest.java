package dev.pulse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.support.NodeConfigs;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard's files as HTTP serves them: types, caching, security headers, and nothing missing. */
@ExtendWith(VertxExtension.class)
@DisplayName("Dashboard files at /ui/")
class UiRoutesTest extends NodeContract {

  /** {@code src="…"}, {@code href="…"} in HTML and {@code from '…'} / {@code import('…')} in modules. */
  private static final Pattern REFERENCE =
      Pattern.compile("(?:src|href)=\"([^\"#:]+)\"|from '(\\.{1,2}/[^']+)'|import\\('(\\.{1,2}/[^']+)'\\)");

  UiRoutesTest() {
    super(NodeConfigs.memory());
  }

  @Test
  @DisplayName("/ui redirects to /ui/, which serves the page revalidated on every load, with security headers")
  void page() {
    HttpResponse<Buffer> bare = client.get("/ui").followRedirects(false).send().await();
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.getHeader("Location")).isEqualTo("/ui/");

    HttpResponse<Buffer> page = get("/ui/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.getHeader("Cache-Control")).isEqualTo("no-cache");
    assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(page.bodyAsString()).contains("<html lang=\"en\">", "<main");

    String lastModified = page.getHeader("Last-Modified");
    assertThat(lastModified).isNotNull();
    HttpResponse<Buffer> again = client.get("/ui/").putHeader("If-Modified-Since", lastModified).send().await();
    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  @DisplayName("every file the page and its modules refer to is served, scripts as JavaScript")
  void everyReferenceResolves() {
    Deque<String> pending = new ArrayDeque<>(java.util.List.of("/ui/index.html"));
    Set<String> seen = new HashSet<>(pending);
    while (!pending.isEmpty()) {
      String path = pending.pop();
      HttpResponse<Buffer> file = get(path);
      assertThat(file.statusCode()).as(path).isEqualTo(200);
      if (path.endsWith(".js")) {
        assertThat(file.getHeader("Content-Type")).as(path).contains("javascript");
      }
      if (path.endsWith(".css")) {
        assertThat(file.getHeader("Content-Type")).as(path).startsWith("text/css");
      }
      if (path.endsWith(".html") || path.startsWith("/ui/") && path.endsWith(".js") && !path.contains("/lib/")) {
        Matcher reference = REFERENCE.matcher(file.bodyAsString());
        while (reference.find()) {
          String target = reference.group(1) != null ? reference.group(1)
              : reference.group(2) != null ? reference.group(2) : reference.group(3);
          String resolved = java.net.URI.create("http://h" + path).resolve(target).getPath();
          if (seen.add(resolved)) {
            pending.add(resolved);
          }
        }
      }
    }
    assertThat(seen).contains("/ui/app.js", "/ui/style.css", "/ui/lib/uplot/uPlot.esm.js", "/ui/lib/uplot/uPlot.min.css");
  }

  @Test
  @DisplayName("the chart library comes from its WebJar, cached for a day")
  void library() {
    HttpResponse<Buffer> library = get("/ui/lib/uplot/uPlot.esm.js");
    assertThat(library.statusCode()).isEqualTo(200);
    assertThat(library.getHeader("Cache-Control")).isEqualTo("public, max-age=86400");
    assertThat(library.bodyAsString()).contains("export { uPlot as default }");
  }

  @Test
  @DisplayName("a file the dashboard does not have is a 404 problem, and no path leaves the dashboard's folder")
  void missingFiles() {
    for (String path : new String[] {"/ui/nope.js", "/ui/lib/uplot/nope.js", "/ui/%2e%2e/%2e%2e/conf/config.json",
        "/ui/..%2f..%2fconf/config.json", "/ui/lib/uplot/%2e%2e/LICENSE"}) {
      HttpResponse<Buffer> missing = send(HttpMethod.GET, path, null);
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(missing.getHeader("Content-Type")).as(path).isEqualTo("application/problem+json");
    }
  }
}

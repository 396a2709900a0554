package dev.pulse.http;

import dev.pulse.Page;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Pagination, one way everywhere: {@code limit} and an opaque {@code cursor} as query parameters,
 * and {@code Link: <…>; rel="next"} when more items exist.
 */
public record Paging(String after, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  /**
   * Reads {@code limit} and {@code cursor}. {@code defaultLimit} applies when {@code limit} is absent
   * (0 = everything, as the inherited heartbeat routes do).
   */
  public static Paging from(RoutingContext ctx, int defaultLimit) {
    return from(ctx, defaultLimit, key -> true);
  }

  /** As {@link #from(RoutingContext, int)}, with a check that a cursor holds a key of the listing's kind. */
  public static Paging from(RoutingContext ctx, int defaultLimit, java.util.function.Predicate<String> validKey) {
    String limitParam = ctx.request().getParam("limit");
    int limit = defaultLimit;
    if (limitParam != null) {
      if (!limitParam.matches("\\d{1,9}") || Integer.parseInt(limitParam) < 1
          || Integer.parseInt(limitParam) > MAX_LIMIT) {
        throw ProblemException.badRequest("INVALID_QUERY", "limit",
            "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + limitParam + "'");
      }
      limit = Integer.parseInt(limitParam);
    }
    String cursor = ctx.request().getParam("cursor");
    String after = null;
    if (cursor != null) {
      try {
        after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("INVALID_QUERY", "cursor",
            "cursor is not one that Pulse issued (copy it from the Link header)");
      }
      if (after.isEmpty() || !validKey.test(after)) {
        throw ProblemException.badRequest("INVALID_QUERY", "cursor",
            "cursor is not one that Pulse issued for this listing (copy it from the Link header)");
      }
    }
    return new Paging(after, limit);
  }

  /** Adds the {@code Link} header pointing at the page after {@code page}, when there is one. */
  public void link(RoutingContext ctx, Page<?> page) {
    if (page.nextKey() != null) {
      String cursor = Base64.getUrlEncoder().withoutPadding()
          .encodeToString(page.nextKey().getBytes(StandardCharsets.UTF_8));
      StringBuilder next = new StringBuilder(ctx.request().path()).append('?');
      String query = ctx.request().query();
      if (query != null) {
        // Keep the caller's filters as they were sent; only limit and cursor are replaced.
        for (String param : query.split("&")) {
          if (!param.isEmpty() && !param.startsWith("limit=") && !param.startsWith("cursor=")) {
            next.append(param).append('&');
          }
        }
      }
      next.append("limit=").append(limit).append("&cursor=").append(cursor);
      ctx.response().putHeader("Link", "<" + next + ">; rel=\"next\"");
    }
  }
}

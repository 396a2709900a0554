package dev.pulse.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** Query parameters a route does not take are a 400 naming the parameter, not silently ignored. */
final class QueryParams {

  private QueryParams() {
  }

  static void only(RoutingContext ctx, Set<String> known) {
    for (String param : ctx.queryParams().names()) {
      if (!known.contains(param)) {
        throw unknown(param, String.join(", ", known));
      }
    }
  }

  static ProblemException unknown(String param, String known) {
    return ProblemException.badRequest("INVALID_QUERY", param,
        "unknown query parameter '" + param + "'; this route takes " + known);
  }
}

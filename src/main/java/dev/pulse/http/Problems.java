package dev.pulse.http;

import dev.pulse.DomainFailure;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every error as {@code application/problem+json} (RFC 9457). Maps: {@link ProblemException}
 * → its status; a domain's {@code RECIPIENT_FAILURE} → its code; {@code NO_HANDLERS} → 503;
 * {@code TIMEOUT} → 504; router and body-handler statuses (404, 405, 413) → themselves; anything
 * else → 500, logged here once with its stack trace.
 */
public final class Problems {

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  public static final String CONTENT_TYPE = "application/problem+json";

  /**
   * The problem body. {@code code} is stable for clients to branch on; {@code field} names the bad
   * input; {@code extensions} are further members a client may act on (written after the others).
   */
  public record Problem(String type, String title, int status, String detail, String code, String field,
      Map<String, Object> extensions) {

    static Problem of(int status, String code, String field, String detail) {
      return of(status, code, field, detail, Map.of());
    }

    static Problem of(int status, String code, String field, String detail, Map<String, Object> extensions) {
      String slug = code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      return new Problem("urn:pulse:problem:" + slug, Problems.title(status), status, detail, code, field,
          extensions);
    }

    Map<String, Object> toBody() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type);
      body.put("title", title);
      body.put("status", status);
      body.put("detail", detail);
      body.put("code", code);
      if (field != null) {
        body.put("field", field);
      }
      body.putAll(extensions);
      return body;
    }
  }

  private Problems() {
  }

  /** Failure handler: renders whatever went wrong. */
  public static void handle(RoutingContext ctx) {
    render(ctx, ctx.statusCode());
  }

  /**
   * Router error handler for {@code status} (an unmatched route, a wrong method, a request the
   * router could not parse), where the context may carry neither a failure nor the status.
   */
  public static io.vertx.core.Handler<RoutingContext> forStatus(int status) {
    return ctx -> render(ctx, status);
  }

  private static void render(RoutingContext ctx, int fallbackStatus) {
    Problem problem = toProblem(ctx, fallbackStatus);
    if (problem.status() >= 500) {
      String route = ctx.request().method() + " " + ctx.request().path();
      if (problem.status() == 500) {
        LOG.error("request failed: {}", route, ctx.failure());
      } else {
        LOG.warn("request failed: {} -> {} {}", route, problem.status(), problem.detail());
      }
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", CONTENT_TYPE)
        .end(Json.encode(problem.toBody()));
  }

  private static Problem toProblem(RoutingContext ctx, int fallbackStatus) {
    Throwable failure = ctx.failure();
    if (failure instanceof ProblemException problem) {
      return Problem.of(problem.status(), problem.code(), problem.field(), problem.getMessage(),
          problem.extensions());
    }
    if (failure instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case RECIPIENT_FAILURE -> {
          DomainFailure domain = DomainFailure.from(reply);
          int status = domain.status() >= 400 && domain.status() <= 599 ? domain.status() : 500;
          yield Problem.of(status, domain.code() == null ? codeFor(status) : domain.code(), null,
              domain.detail());
        }
        case NO_HANDLERS -> Problem.of(503, "SERVICE_UNAVAILABLE", null,
            "the service that handles this request is not running");
        case TIMEOUT -> Problem.of(504, "TIMEOUT", null, "the request timed out inside Pulse");
        case ERROR -> Problem.of(500, "INTERNAL_ERROR", null, "internal error");
      };
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : fallbackStatus;
    if (failure == null || failure instanceof HttpException || (status >= 400 && status < 500)) {
      return switch (status) {
        case 400 -> Problem.of(400, "MALFORMED_REQUEST", null, "the request could not be parsed"
            + (failure == null || failure.getMessage() == null ? "" : ": " + failure.getMessage()));
        case 404 -> Problem.of(404, "NOT_FOUND", null,
            "no route for " + ctx.request().method() + " " + ctx.request().path());
        case 405 -> Problem.of(405, "METHOD_NOT_ALLOWED", null,
            ctx.request().method() + " is not allowed on " + ctx.request().path());
        case 413 -> Problem.of(413, "BODY_TOO_LARGE", "body", "request body is larger than the limit");
        case -1, 500 -> Problem.of(500, "INTERNAL_ERROR", null, "internal error");
        default -> Problem.of(status, codeFor(status), null, title(status));
      };
    }
    return Problem.of(500, "INTERNAL_ERROR", null, "internal error");
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 404 -> "NOT_FOUND";
      case 409 -> "CONFLICT";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_REFUSED";
    };
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 403 -> "Forbidden";
      case 409 -> "Conflict";
      case 412 -> "Precondition Failed";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> status < 500 ? "Client Error" : "Server Error";
    };
  }
}

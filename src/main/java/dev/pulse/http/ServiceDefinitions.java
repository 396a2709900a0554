package dev.pulse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.services.HealthCheck;
import dev.pulse.services.ServiceDefinition;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of {@code POST /services}: every rule broken is a 400 naming the field
 * ({@code endpoints[2]}, {@code healthCheck.timeout}, …). Unknown members are refused too, so that
 * a misspelt {@code healthcheck} is not silently dropped.
 */
final class ServiceDefinitions {

  static final int MAX_ENDPOINTS = 1000;
  static final int MAX_NAME_LENGTH = 100;
  static final int MAX_VERSION_LENGTH = 64;
  static final int MAX_URL_LENGTH = 2048;
  static final long MIN_INTERVAL_MS = 100;
  static final long MAX_INTERVAL_MS = 86_400_000;
  static final int MAX_THRESHOLD = 100;

  private static final Set<String> FIELDS = Set.of("name", "version", "endpoints", "metadata", "healthCheck");
  private static final Set<String> CHECK_FIELDS = Set.of("path", "interval", "timeout", "threshold");

  private ServiceDefinitions() {
  }

  static ServiceDefinition parse(JsonNode body) {
    if (body == null) {
      throw ProblemException.badRequest("INVALID_BODY", "body",
          "a service definition is required, e.g. {\"name\":\"user-service\",\"version\":\"1.0.0\","
              + "\"endpoints\":[\"http://10.0.0.1:3000\"]}");
    }
    refuseUnknown(body, FIELDS, "");
    String name = Ids.requireGroup("name", requiredText(body, "name"));
    if (name.length() > MAX_NAME_LENGTH) {
      throw invalid("name", "a service name must be at most " + MAX_NAME_LENGTH
          + " characters, so that its instance ids (<name>-<n>) stay ids; got " + name.length());
    }
    String version = version(requiredText(body, "version"));
    List<String> endpoints = endpoints(body.get("endpoints"));
    JsonNode metadata = body.get("metadata");
    if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
      throw invalid("metadata", "metadata must be a JSON object, got " + Json.kind(metadata));
    }
    String metadataText = metadata == null || metadata.isNull() ? "{}" : Json.compact(metadata);
    return new ServiceDefinition(name, version, endpoints, metadataText, healthCheck(body.get("healthCheck")));
  }

  private static String requiredText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw invalid(field, field + " is required");
    }
    if (!value.isTextual()) {
      throw invalid(field, field + " must be a string, got " + Json.kind(value));
    }
    return value.textValue();
  }

  private static String version(String version) {
    if (version.isEmpty()) {
      throw invalid("version", "version must not be empty");
    }
    if (version.length() > MAX_VERSION_LENGTH) {
      throw invalid("version", "version must be at most " + MAX_VERSION_LENGTH + " characters, got "
          + version.length());
    }
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '|') {
        throw invalid("version", "version may not contain spaces, control characters or '|' (position "
            + (i + 1) + ")");
      }
    }
    return version;
  }

  private static List<String> endpoints(JsonNode endpoints) {
    if (endpoints == null || endpoints.isNull()) {
      throw invalid("endpoints", "endpoints is required: a list of absolute http(s) URLs");
    }
    if (!endpoints.isArray()) {
      throw invalid("endpoints", "endpoints must be an array of URLs, got " + Json.kind(endpoints));
    }
    if (endpoints.isEmpty()) {
      throw invalid("endpoints", "endpoints must list at least one URL");
    }
    if (endpoints.size() > MAX_ENDPOINTS) {
      throw invalid("endpoints", "endpoints may list at most " + MAX_ENDPOINTS + " URLs, got " + endpoints.size());
    }
    List<String> urls = new ArrayList<>(endpoints.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < endpoints.size(); i++) {
      String field = "endpoints[" + i + "]";
      JsonNode endpoint = endpoints.get(i);
      if (!endpoint.isTextual()) {
        throw invalid(field, field + " must be a URL string, got " + Json.kind(endpoint));
      }
      String url = endpoint.textValue();
      requireHttpUrl(field, url);
      if (!seen.add(url)) {
        throw invalid(field, field + " repeats '" + url + "'");
      }
      urls.add(url);
    }
    return List.copyOf(urls);
  }

  private static void requireHttpUrl(String field, String url) {
    if (url.length() > MAX_URL_LENGTH) {
      throw invalid(field, field + " must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid(field, field + " is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw invalid(field, field + " must be an absolute http:// or https:// URL, got '" + url + "'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalid(field, field + " has no host: '" + url + "'");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65_535 || (uri.getPort() < 0 && uri.getRawAuthority() != null
        && uri.getRawAuthority().matches(".*:\\d*$") && !uri.getRawAuthority().endsWith("]"))) {
      throw invalid(field, field + " has no valid port (1-65535): '" + url + "'");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(field, field + " may not have a query or fragment (the check path is appended to it): '"
          + url + "'");
    }
  }

  private static HealthCheck healthCheck(JsonNode check) {
    if (check == null || check.isNull()) {
      return null;
    }
    if (!check.isObject()) {
      throw invalid("healthCheck", "healthCheck must be a JSON object, got " + Json.kind(check));
    }
    refuseUnknown(check, CHECK_FIELDS, "healthCheck.");
    String path = "";
    JsonNode pathNode = check.get("path");
    if (pathNode != null && !pathNode.isNull()) {
      if (!pathNode.isTextual()) {
        throw invalid("healthCheck.path", "healthCheck.path must be a string, got " + Json.kind(pathNode));
      }
      path = pathNode.textValue();
      if (!path.startsWith("/") || path.length() > MAX_URL_LENGTH || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
        throw invalid("healthCheck.path",
            "healthCheck.path must start with '/' and contain no spaces or control characters, got '" + path + "'");
      }
    }
    long interval = positive(check, "interval", HealthCheck.DEFAULT_INTERVAL_MS, MIN_INTERVAL_MS, MAX_INTERVAL_MS);
    long timeout = positive(check, "timeout", Math.min(HealthCheck.DEFAULT_TIMEOUT_MS, interval / 2), 1,
        MAX_INTERVAL_MS);
    if (timeout >= interval) {
      throw invalid("healthCheck.timeout", "healthCheck.timeout (" + timeout
          + " ms) must be shorter than healthCheck.interval (" + interval + " ms)");
    }
    int threshold = (int) positive(check, "threshold", HealthCheck.DEFAULT_THRESHOLD, 1, MAX_THRESHOLD);
    return new HealthCheck(path, interval, timeout, threshold);
  }

  /** A whole number member from {@code min} to {@code max}, or {@code fallback} when absent. */
  private static long positive(JsonNode check, String member, long fallback, long min, long max) {
    String field = "healthCheck." + member;
    JsonNode value = check.get(member);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
        || value.longValue() > max) {
      throw invalid(field, field + " must be a whole number from " + min + " to " + max + ", got " + value);
    }
    return value.longValue();
  }

  private static void refuseUnknown(JsonNode object, Set<String> known, String prefix) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw invalid(prefix + name, "unknown member '" + prefix + name + "'; expected one of "
            + new java.util.TreeSet<>(known));
      }
    }
  }

  private static ProblemException invalid(String field, String detail) {
    return ProblemException.badRequest("INVALID_FIELD", field, detail);
  }
}

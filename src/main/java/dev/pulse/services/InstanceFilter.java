package dev.pulse.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The filters of {@code GET /services/:name/instances} and {@code …/resolve}: {@code status=},
 * {@code version=} (exact or a {@link VersionRange}) and {@code meta.<key>=<value>} (the metadata
 * member's text: a string as is, a number or boolean as written). Null members do not filter.
 */
public record InstanceFilter(String status, VersionRange version, Map<String, String> meta) {

  public static final InstanceFilter NONE = new InstanceFilter(null, null, Map.of());

  public InstanceFilter {
    meta = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(meta));
  }

  /** True when {@code instance}, whose metadata parses to {@code metadata}, passes every filter. */
  public boolean matches(ServiceInstance instance, JsonNode metadata) {
    if (status != null && !status.equals(instance.status())) {
      return false;
    }
    if (version != null && !version.matches(instance.version())) {
      return false;
    }
    for (Map.Entry<String, String> wanted : meta.entrySet()) {
      JsonNode value = metadata.get(wanted.getKey());
      if (value == null || !value.isValueNode() || value.isNull() || !value.asText().equals(wanted.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** The same filter written the same way every time: the key of a round-robin sequence. */
  public String canonical() {
    return "status=" + status + "&version=" + version + "&meta=" + meta;
  }
}

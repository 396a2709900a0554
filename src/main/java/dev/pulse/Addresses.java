package dev.pulse;

/** Every event-bus address, {@code <domain>.<action>}, in one place. */
public final class Addresses {

  public static final String DISCOVERY_HEARTBEAT = "discovery.heartbeat";
  public static final String DISCOVERY_DEREGISTER = "discovery.deregister";
  public static final String DISCOVERY_INSTANCE = "discovery.instance";
  public static final String DISCOVERY_INSTANCES = "discovery.instances";
  public static final String DISCOVERY_GROUPS = "discovery.groups";
  public static final String DISCOVERY_EXPIRE = "discovery.expire";

  /** Published once per expired instance, body {@link dev.pulse.discovery.Instance}. */
  public static final String DISCOVERY_INSTANCE_EXPIRED = "discovery.instance-expired";

  private Addresses() {
  }
}

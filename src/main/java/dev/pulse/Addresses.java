package dev.pulse;

/**
 * Every address, {@code <domain>.<action>}, in one place: the requests a domain verticle handles
 * ({@link DomainRequests}) and the events published on the event bus.
 */
public final class Addresses {

  public static final String DISCOVERY_HEARTBEAT = "discovery.heartbeat";
  public static final String DISCOVERY_DEREGISTER = "discovery.deregister";
  public static final String DISCOVERY_INSTANCE = "discovery.instance";
  public static final String DISCOVERY_INSTANCES = "discovery.instances";
  public static final String DISCOVERY_GROUPS = "discovery.groups";
  public static final String DISCOVERY_EXPIRE = "discovery.expire";

  /** Published once per expired instance, body {@link dev.pulse.discovery.Instance}. */
  public static final String DISCOVERY_INSTANCE_EXPIRED = "discovery.instance-expired";

  /** Published when a heartbeat registers an instance (a 201), body {@link dev.pulse.discovery.Instance}. */
  public static final String DISCOVERY_INSTANCE_REGISTERED = "discovery.instance-registered";

  /** Published when an instance is deregistered, body {@link dev.pulse.discovery.Discovery.InstanceKey}. */
  public static final String DISCOVERY_INSTANCE_DEREGISTERED = "discovery.instance-deregistered";

  /** Published when an instance's health status changes, body {@link dev.pulse.discovery.StatusChange}. */
  public static final String DISCOVERY_STATUS_CHANGED = "discovery.status-changed";

  /**
   * Published by the registry at most once per {@code events.coalesceMs}, body a list of
   * {@link dev.pulse.discovery.Instance}: the latest state of each instance that heartbeated since.
   */
  public static final String DISCOVERY_HEARTBEATS = "discovery.heartbeats";

  public static final String SERVICES_REGISTER = "services.register";
  public static final String SERVICES_GET = "services.get";
  public static final String SERVICES_LIST = "services.list";
  public static final String SERVICES_REMOVE = "services.remove";
  public static final String SERVICES_REMOVE_INSTANCE = "services.remove-instance";
  public static final String SERVICES_LOOKUP = "services.lookup";
  public static final String SERVICES_RESOLVE = "services.resolve";
  public static final String SERVICES_PROBE_TARGETS = "services.probe-targets";
  public static final String SERVICES_CLAIM = "services.claim";
  public static final String SERVICES_RECORD_PROBE = "services.record-probe";
  public static final String SERVICES_METRICS = "services.metrics";

  /**
   * Published on each node when a service changed on any node (Redis pub/sub relays other nodes'
   * changes), body {@link dev.pulse.services.Services.ServiceChanged}: caches drop the service.
   */
  public static final String SERVICES_CHANGED = "services.changed";

  public static final String ALERTS_INGEST = "alerts.ingest";
  public static final String ALERTS_GET = "alerts.get";
  public static final String ALERTS_LIST = "alerts.list";
  public static final String ALERTS_STATS = "alerts.stats";

  /**
   * Published after each ingested alert event while someone watches live events ({@link
   * dev.pulse.events.Watched}), body the {@link dev.pulse.alerts.Alert} as stored.
   */
  public static final String ALERTS_CHANGED = "alerts.changed";

  public static final String READINGS_INGEST = "readings.ingest";
  public static final String READINGS_SUMMARY = "readings.summary";
  public static final String READINGS_RANGE = "readings.range";
  public static final String READINGS_DEVICES = "readings.devices";
  public static final String READINGS_EXPIRE = "readings.expire";

  /**
   * Published after a batch with at least one accepted reading while someone watches live events,
   * body {@link dev.pulse.readings.Readings.Ingested}.
   */
  public static final String READINGS_INGESTED = "readings.ingested";

  public static final String STREAMS_ACQUIRE = "streams.acquire";
  public static final String STREAMS_RENEW = "streams.renew";
  public static final String STREAMS_RELEASE = "streams.release";
  public static final String STREAMS_LIST = "streams.list";
  public static final String STREAMS_LIMIT = "streams.limit";
  public static final String STREAMS_SET_LIMIT = "streams.set-limit";
  public static final String STREAMS_EXPIRE = "streams.expire";

  /** Published once per expired lease, body {@link dev.pulse.streams.Lease}. */
  public static final String STREAMS_LEASE_EXPIRED = "streams.lease-expired";

  /** Published when a stream is admitted as a new lease while someone watches live events, body {@link dev.pulse.streams.Lease}. */
  public static final String STREAMS_LEASE_STARTED = "streams.lease-started";

  /** Published when a lease is released by its player while someone watches live events, body {@link dev.pulse.streams.Streams.LeaseKey}. */
  public static final String STREAMS_LEASE_RELEASED = "streams.lease-released";

  /** Asked by each {@code GET /events} stream as it opens (+1) and closes (-1), body an Integer, answer a Boolean. */
  public static final String EVENTS_WATCHERS = "events.watchers";

  /**
   * Published on each node for its {@code GET /events} streams, body
   * {@link dev.pulse.events.LiveEvent}: every node's domain events, rendered once.
   */
  public static final String EVENTS_LIVE = "events.live";

  private Addresses() {
  }
}

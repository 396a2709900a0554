package dev.pulse.discovery;

import dev.pulse.Addresses;
import dev.pulse.DomainClient;
import dev.pulse.DomainRequests;
import dev.pulse.Page;
import io.vertx.core.Future;

/** The discovery domain as seen from another verticle: typed requests to its verticle. */
public final class DiscoveryClient extends DomainClient {

  public DiscoveryClient(DomainRequests requests, long timeoutMs) {
    super(requests, timeoutMs);
  }

  public Future<HeartbeatResult> heartbeat(String group, String id, String meta) {
    return request(Addresses.DISCOVERY_HEARTBEAT, new Discovery.Heartbeat(group, id, meta));
  }

  /** Completes when the instance was removed; fails with 404 when it was not registered. */
  public Future<Void> deregister(String group, String id) {
    return request(Addresses.DISCOVERY_DEREGISTER, new Discovery.InstanceKey(group, id)).mapEmpty();
  }

  /** The live instance; fails with 404 when it is not registered. */
  public Future<Instance> instance(String group, String id) {
    return request(Addresses.DISCOVERY_INSTANCE, new Discovery.InstanceKey(group, id));
  }

  public Future<Page<Instance>> instances(String group, String after, int limit) {
    return request(Addresses.DISCOVERY_INSTANCES, new Discovery.InstancesQuery(group, after, limit));
  }

  public Future<Page<GroupSummary>> groups(String after, int limit) {
    return request(Addresses.DISCOVERY_GROUPS, new Discovery.GroupsQuery(after, limit));
  }
}

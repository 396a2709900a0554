package dev.pulse.services;

import dev.pulse.Addresses;
import dev.pulse.DomainClient;
import dev.pulse.DomainRequests;
import dev.pulse.Page;
import io.vertx.core.Future;
import java.util.List;

/** The service registry as seen from another verticle: typed requests to its verticle. */
public final class ServicesClient extends DomainClient {

  public ServicesClient(DomainRequests requests, long timeoutMs) {
    super(requests, timeoutMs);
  }

  public Future<Registration> register(ServiceDefinition definition, Long ifMatch) {
    return request(Addresses.SERVICES_REGISTER, new Services.Register(definition, ifMatch));
  }

  /** The service; fails with 404 when it is unknown. */
  public Future<Service> service(String name) {
    return request(Addresses.SERVICES_GET, new Services.ServiceName(name));
  }

  public Future<Page<ServiceSummary>> services(String after, int limit) {
    return request(Addresses.SERVICES_LIST, new Services.ServicesQuery(after, limit));
  }

  public Future<Removal> removeService(String name, Long ifMatch) {
    return request(Addresses.SERVICES_REMOVE, new Services.RemoveService(name, ifMatch));
  }

  public Future<Removal> removeInstance(String name, String id, Long ifMatch) {
    return request(Addresses.SERVICES_REMOVE_INSTANCE, new Services.RemoveInstance(name, id, ifMatch));
  }

  public Future<List<ServiceInstance>> instances(String name, InstanceFilter filter) {
    return this.<Services.Instances>request(Addresses.SERVICES_LOOKUP, new Services.Lookup(name, filter))
        .map(Services.Instances::instances);
  }

  /** One healthy instance; fails with 503 {@code NO_HEALTHY_INSTANCE} when none qualifies. */
  public Future<ServiceInstance> resolve(String name, InstanceFilter filter, Services.Strategy strategy) {
    return request(Addresses.SERVICES_RESOLVE, new Services.Resolve(name, filter, strategy));
  }

  public Future<List<Services.ProbeTarget>> probeTargets(String name) {
    return this.<Services.ProbeTargets>request(Addresses.SERVICES_PROBE_TARGETS,
        new Services.ProbeTargetsQuery(name)).map(Services.ProbeTargets::targets);
  }

  public Future<Long> claim(String name, String id, String node, long leaseMs) {
    return request(Addresses.SERVICES_CLAIM, new Services.Claim(name, id, node, leaseMs));
  }

  public Future<Void> record(String name, String id, ProbeResult result) {
    return request(Addresses.SERVICES_RECORD_PROBE, new Services.RecordProbe(name, id, result)).mapEmpty();
  }

  public Future<ProbeMetrics> metrics() {
    return request(Addresses.SERVICES_METRICS, null);
  }
}

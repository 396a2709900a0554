package dev.pulse.discovery;

/**
 * The outcome of a heartbeat: the instance as stored, whether this heartbeat created it, and the
 * stale instance it replaced when the same id had expired but was not swept yet ({@code null}
 * otherwise), so that its expiry is still announced.
 */
public record HeartbeatResult(Instance instance, boolean created, Instance replacedExpired) {
}

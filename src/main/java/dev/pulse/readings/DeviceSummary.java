package dev.pulse.readings;

/** A known device: the latest instant among its accepted readings and the sum of their counts. */
public record DeviceSummary(String id, ReadingTime latest, long cumulativeCount) {
}

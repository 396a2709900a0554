package dev.pulse.readings;

import dev.pulse.Page;

/** A device's summary and a page of its readings, read in one consistent step. */
public record DeviceReadings(DeviceSummary summary, Page<Reading> page) {
}

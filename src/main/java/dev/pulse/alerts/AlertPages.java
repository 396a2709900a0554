package dev.pulse.alerts;

import dev.pulse.Page;
import java.util.List;

/** Paging and summarising helpers both alert stores share. */
final class AlertPages {

  private AlertPages() {
  }

  /** {@code found} holds up to {@code limit + 1} matches, newest first; the extra one proves a next page. */
  static Page<Alert> page(List<Alert> found, int limit) {
    return Page.ofFound(found, limit, Alert::orderKey);
  }

  static AlertStats summarise(List<Alert> alerts) {
    AlertStats.Accumulator accumulator = new AlertStats.Accumulator();
    alerts.forEach(accumulator::add);
    return accumulator.stats();
  }
}

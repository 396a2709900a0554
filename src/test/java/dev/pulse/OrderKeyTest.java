package dev.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Order keys: 15-digit zero-padded time, then the id, sorting like (time, id)")
class OrderKeyTest {

  @Test
  @DisplayName("the prefix is the time zero-padded to 15 digits, longer times in full, and parses back")
  void prefix() {
    for (long millis : List.of(0L, 7L, 1_795_300_000_123L, 99_999_999_999_999L, 100_000_000_000_000L,
        999_999_999_999_999L, 1_000_000_000_000_000L, Long.MAX_VALUE, -1L)) {
      assertThat(OrderKey.prefix(millis)).as("%d", millis).isEqualTo(String.format("%015d:", millis));
      assertThat(OrderKey.of(millis, "id-1")).as("%d", millis).isEqualTo(String.format("%015d:id-1", millis));
    }
    assertThat(OrderKey.of(1_795_300_000_123L, "a-1")).isEqualTo("001795300000123:a-1");
    assertThat(OrderKey.parse(OrderKey.of(1_795_300_000_123L, "a-1"))).isEqualTo(new OrderKey(1_795_300_000_123L, "a-1"));
    assertThat(OrderKey.of(9, "b").compareTo(OrderKey.of(10, "a"))).isNegative();
  }
}

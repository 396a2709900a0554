package dev.pulse.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The declared body length: 1 to 18 decimal digits, anything else read as it comes")
class RawBodyHandlerTest {

  @Test
  @DisplayName("a Content-Length of decimal digits is its value, up to 18 digits")
  void decimalLengths() {
    assertThat(RawBodyHandler.declaredLength("0")).isZero();
    assertThat(RawBodyHandler.declaredLength("427")).isEqualTo(427);
    assertThat(RawBodyHandler.declaredLength("0012")).isEqualTo(12);
    assertThat(RawBodyHandler.declaredLength("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
  }

  @Test
  @DisplayName("no header, an empty one, a sign, a space, a non-ASCII digit or 19 digits is no declared length")
  void otherValues() {
    for (String declared : new String[] {null, "", "-1", "+5", " 5", "5 ", "1e3", "٣", "1234567890123456789"}) {
      assertThat(RawBodyHandler.declaredLength(declared)).as("%s", declared).isEqualTo(-1);
    }
  }
}

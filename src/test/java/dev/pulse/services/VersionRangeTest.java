package dev.pulse.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Version filters: exact text or npm-style semver ranges")
class VersionRangeTest {

  private static final List<String> VERSIONS = List.of("0.0.3", "0.0.4", "0.2.0", "0.2.5", "0.3.0", "1.0.0-rc.1",
      "1.0.0", "1.2.0", "1.2.3", "1.2.9", "1.3.0", "1.10.0", "2.0.0-beta", "2.0.0", "10.0.0", "v1.5.0", "blue");

  private static List<String> matching(String range) {
    VersionRange parsed = VersionRange.parse(range);
    return VERSIONS.stream().filter(parsed::matches).toList();
  }

  @ParameterizedTest(name = "{0} matches {1}")
  @CsvSource(delimiter = ';', value = {
      "^1.2;        1.2.0 1.2.3 1.2.9 1.3.0 1.10.0 v1.5.0",
      "^1.2.3;      1.2.3 1.2.9 1.3.0 1.10.0 v1.5.0",
      "^0.2;        0.2.0 0.2.5",
      "^0.0.3;      0.0.3",
      "~1.2.3;      1.2.3 1.2.9",
      "~1.2;        1.2.0 1.2.3 1.2.9",
      "~1;          1.0.0 1.2.0 1.2.3 1.2.9 1.3.0 1.10.0 v1.5.0",
      ">=1.0 <2;    1.0.0 1.2.0 1.2.3 1.2.9 1.3.0 1.10.0 v1.5.0",
      ">=1.0 <2.0.0; 1.0.0 1.2.0 1.2.3 1.2.9 1.3.0 1.10.0 2.0.0-beta v1.5.0",
      ">= 1.2.3 <= 1.3; 1.2.3 1.2.9 1.3.0",
      ">1.2;        1.3.0 1.10.0 2.0.0-beta 2.0.0 10.0.0 v1.5.0",
      "<1;          0.0.3 0.0.4 0.2.0 0.2.5 0.3.0",
      "<1.0.0;      0.0.3 0.0.4 0.2.0 0.2.5 0.3.0 1.0.0-rc.1",
      "1.x;         1.0.0 1.2.0 1.2.3 1.2.9 1.3.0 1.10.0 v1.5.0",
      "1.2.x || >=10; 1.2.0 1.2.3 1.2.9 10.0.0",
      "=1.2.3;      1.2.3",
      "1.2.3;       1.2.3",
      "blue;        blue",
      "1.2;         ''",
  })
  void ranges(String range, String expected) {
    List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
    assertThat(matching(range)).isEqualTo(want);
  }

  @Test
  @DisplayName("pre-releases order below their release, by identifiers")
  void prerelease() {
    assertThat(VersionRange.parse("<1.0.0").matches("1.0.0-rc.1")).isTrue();
    assertThat(VersionRange.parse(">1.0.0-rc.2").matches("1.0.0-rc.10")).isTrue();
    assertThat(VersionRange.parse(">1.0.0-beta").matches("1.0.0-alpha")).isFalse();
  }

  @Test
  @DisplayName("a malformed range is refused with the term at fault")
  void malformed() {
    assertThatThrownBy(() -> VersionRange.parse(">=banana")).hasMessageContaining("'banana' is not a version");
    assertThatThrownBy(() -> VersionRange.parse("^1 ||")).hasMessageContaining("empty alternative");
    assertThatThrownBy(() -> VersionRange.parse(" ")).hasMessageContaining("must not be empty");
  }
}

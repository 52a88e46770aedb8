package vn.hoinghi.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Accept-Encoding: which content codings a request takes")
class AcceptEncodingTest {

  @Test
  @DisplayName("a coding named without a quality, or with one above 0, is taken; case and spaces do not matter")
  void named() {
    assertThat(AcceptEncoding.allows("gzip, deflate, br", "br")).isTrue();
    assertThat(AcceptEncoding.allows("GZIP ; q=0.5", "gzip")).isTrue();
    assertThat(AcceptEncoding.allows("gzip", "br")).isFalse();
    assertThat(AcceptEncoding.allows(null, "gzip")).isFalse();
    assertThat(AcceptEncoding.allows("", "gzip")).isFalse();
  }

  @Test
  @DisplayName("q=0 refuses a coding, even when * would take it; * takes what is not named")
  void zeroAndWildcard() {
    assertThat(AcceptEncoding.allows("br;q=0, gzip", "br")).isFalse();
    assertThat(AcceptEncoding.allows("*, br;q=0", "br")).isFalse();
    assertThat(AcceptEncoding.allows("*", "br")).isTrue();
    assertThat(AcceptEncoding.allows("*;q=0", "gzip")).isFalse();
    assertThat(AcceptEncoding.allows("br;q=oops", "br")).isFalse();
  }
}

package vn.hoinghi.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.report.Terms;

/** Nghị định 30/2020/NĐ-CP, Phụ lục I: a day below 10 and the months 1 and 2 take a leading zero, the others not. */
@DisplayName("Dates in the place-and-date line")
class TermsDateTest {

  @Test
  @DisplayName("A day below 10 takes a leading zero: ngày 04 tháng 12 năm 2026")
  void dayPadded() {
    assertThat(Terms.longDate(Instant.parse("2026-12-04T03:00:00Z"))).isEqualTo("ngày 04 tháng 12 năm 2026");
  }

  @Test
  @DisplayName("January and February take a leading zero: ngày 05 tháng 02 năm 2027, ngày 31 tháng 01 năm 2027")
  void earlyMonthsPadded() {
    assertThat(Terms.longDate(Instant.parse("2027-02-05T03:00:00Z"))).isEqualTo("ngày 05 tháng 02 năm 2027");
    assertThat(Terms.longDate(Instant.parse("2027-01-31T03:00:00Z"))).isEqualTo("ngày 31 tháng 01 năm 2027");
  }

  @Test
  @DisplayName("Months from March on and days from 10 on have no zero: ngày 10 tháng 9 năm 2026")
  void laterMonthsNotPadded() {
    assertThat(Terms.longDate(Instant.parse("2026-09-10T03:00:00Z"))).isEqualTo("ngày 10 tháng 9 năm 2026");
    assertThat(Terms.longDate(Instant.parse("2026-03-15T03:00:00Z"))).isEqualTo("ngày 15 tháng 3 năm 2026");
  }

  @Test
  @DisplayName("The date is the day in Hà Nội: 17:30 UTC on 3 December is 4 December there")
  void vietnamZone() {
    assertThat(Terms.longDate(Instant.parse("2026-12-03T17:30:00Z"))).isEqualTo("ngày 04 tháng 12 năm 2026");
  }
}

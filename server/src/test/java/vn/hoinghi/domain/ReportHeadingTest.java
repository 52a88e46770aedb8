package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.CloseConference;
import vn.hoinghi.domain.Command.SetReportHeading;
import vn.hoinghi.domain.Event.ReportHeadingSet;
import vn.hoinghi.domain.ReportHeading.DraftingBody;
import vn.hoinghi.domain.ReportHeading.Signing;
import vn.hoinghi.domain.ReportHeading.Style;

@DisplayName("SetReportHeading: the report's heading block and signature, once per conference")
class ReportHeadingTest extends WorldTest {

  static ReportHeading heading(Signing signing, String signerTitle, List<String> recipients) {
    return new ReportHeading(Style.STATE, DraftingBody.TO_BIEN_TAP, "  Bộ Tư pháp ", "Chính phủ", "25/BC-TBT",
        "Đà Nẵng", signing, "Tổ trưởng", signerTitle, "Nguyễn Văn An", recipients);
  }

  @Test
  @DisplayName("stored normalized, replaced by the next one, seen by the moderators only; replay equals live")
  void stored() {
    w = World.live();
    ReportHeadingSet e = w.h.ok(w.as(w.secretary), new SetReportHeading(heading(Signing.KT, "Tổ phó",
        List.of("Bộ trưởng (để báo cáo);", "  ", "Các điểm cầu."))), ReportHeadingSet.class);
    ReportHeading stored = w.conf().reportHeading();
    assertThat(stored).isEqualTo(e.heading());
    assertThat(e.setBy()).isEqualTo(w.secretary);
    assertThat(stored.agency()).isEqualTo("BỘ TƯ PHÁP");
    assertThat(stored.parentBody()).isEqualTo("CHÍNH PHỦ");
    assertThat(stored.number()).isEqualTo("Số: 25/BC-TBT");
    assertThat(stored.recipients()).containsExactly("Bộ trưởng (để báo cáo)", "Các điểm cầu");
    assertThat(stored.draftingBody()).isEqualTo(DraftingBody.TO_BIEN_TAP);
    assertThat(stored.signing()).isEqualTo(Signing.KT);

    assertThat(w.conf().views().audienceOf(e)).isEqualTo(Audience.MODERATORS);
    assertThat(w.conf().views().viewFor(Viewer.participant(w.chair), Harness.START).reportHeading()).isEqualTo(stored);
    assertThat(w.conf().views().viewFor(Viewer.organizerConsole(), Harness.START).reportHeading()).isEqualTo(stored);
    assertThat(w.conf().views().viewFor(Viewer.participant(w.hostDtp), Harness.START).reportHeading()).isNull();
    assertThat(w.conf().views().viewFor(Viewer.participant(w.delegateDtp), Harness.START).reportHeading()).isNull();
    assertThat(w.conf().views().viewFor(Viewer.publicScreen(), Harness.START).reportHeading()).isNull();

    // The chair replaces it; all fields left out: every default. Then after closing, the organizer sets it again.
    w.h.ok(w.as(w.chair), new SetReportHeading(ReportHeading.DEFAULTS));
    assertThat(w.conf().reportHeading()).isEqualTo(ReportHeading.DEFAULTS);
    w.h.ok(w.as(w.chair), new CloseConference());
    w.h.ok(World.ORGANIZER, new SetReportHeading(heading(Signing.TM, "", List.of())));
    assertThat(w.conf().reportHeading().recipients()).isEmpty();
    assertThat(w.conf().reportHeading().signerTitle()).isEmpty();
    assertThat(w.conf().snapshot().reportHeading()).isEqualTo(w.conf().reportHeading());
  }

  @Test
  @DisplayName("checked again it is the same: the stored form is a fixed point of the one validation")
  void idempotent() {
    ReportHeading once = heading(Signing.Q, "", List.of("a;", "b")).checked();
    assertThat(once.checked()).isEqualTo(once);
    assertThat(ReportHeading.DEFAULTS.checked()).isEqualTo(ReportHeading.DEFAULTS);
    assertThat(new ReportHeading(null, null, null, null, "Số:12/BC", null, null, null, null, null, null).checked()
        .number()).isEqualTo("Số: 12/BC");
    assertThat(new ReportHeading(null, null, null, null, "  ", null, null, null, null, null, null).checked()
        .number()).isNull();
  }

  @Test
  @DisplayName("every refusal names the field and leaves the state untouched")
  void refused() {
    w = World.live();
    w.h.ok(w.as(w.secretary), new SetReportHeading(heading(Signing.TM, "Trưởng ban", null)));
    String tooLong = "x".repeat(201);
    List<String> twentyOne = new ArrayList<>(Collections.nCopies(21, "Nơi nhận"));
    record Case(ReportHeading heading, RejectionCode code, String field) {}
    List<Case> cases = List.of(
        new Case(null, RejectionCode.INVALID, "heading"),
        new Case(new ReportHeading(null, null, tooLong, null, null, null, null, null, null, null, null),
            RejectionCode.LIMIT, "agency"),
        new Case(new ReportHeading(null, null, null, null, null, null, null, null, null, tooLong, null),
            RejectionCode.LIMIT, "signerName"),
        new Case(new ReportHeading(null, null, null, null, null, "Hà\nNội", null, null, null, null, null),
            RejectionCode.INVALID, "place"),
        new Case(new ReportHeading(null, null, null, "Bộ\u0007", null, null, null, null, null, null, null),
            RejectionCode.INVALID, "parentBody"),
        new Case(new ReportHeading(null, null, null, null, "12\ud800", null, null, null, null, null, null),
            RejectionCode.INVALID, "number"),
        new Case(new ReportHeading(null, null, "   ", null, null, null, null, null, null, null, null),
            RejectionCode.INVALID, "agency"),
        new Case(heading(Signing.TM, "Trưởng ban", twentyOne), RejectionCode.LIMIT, "recipient"),
        new Case(heading(Signing.TM, "Trưởng ban", List.of("a", "b\tc")), RejectionCode.INVALID, "recipient"),
        new Case(heading(Signing.KT, null, null), RejectionCode.INVALID, "signerTitle"),
        new Case(heading(Signing.KT, "  ", null), RejectionCode.INVALID, "signerTitle"));
    for (Case c : cases) {
      Rejection r = w.h.rejected(w.as(w.secretary), new SetReportHeading(c.heading()), c.code());
      assertThat(r.messageEn()).as(String.valueOf(c.heading())).containsIgnoringCase(c.field());
    }
    assertThat(w.conf().reportHeading().agency()).isEqualTo("BỘ TƯ PHÁP");
  }

  @Test
  @DisplayName("hosts, delegates and observers may not set it")
  void forbidden() {
    w = World.live();
    for (String p : List.of(w.hostDtp, w.delegateDtp, w.observer)) {
      w.h.rejected(w.as(p), new SetReportHeading(ReportHeading.DEFAULTS), RejectionCode.FORBIDDEN);
    }
    assertThat(w.conf().reportHeading()).isNull();
  }

  @Test
  @DisplayName("a request's fields lie over the stored ones; the KT. rule is judged on the two together")
  void overlay() {
    ReportHeading stored = heading(Signing.KT, "Tổ phó", null).checked();
    ReportHeading query = new ReportHeading(null, null, null, null, "30/BC-TBT", null, null, null, null, null,
        List.of("Văn phòng Chính phủ"));
    ReportHeading merged = stored.overlay(query).checked();
    assertThat(merged.number()).isEqualTo("Số: 30/BC-TBT");
    assertThat(merged.agency()).isEqualTo("BỘ TƯ PHÁP");
    assertThat(merged.signerTitle()).isEqualTo("Tổ phó");
    assertThat(merged.recipients()).containsExactly("Văn phòng Chính phủ");
    ReportHeading blankTitle = new ReportHeading(null, null, null, null, null, null, null, null, "", null, null);
    assertThatThrownBy(() -> stored.overlay(blankTitle).checked()).isInstanceOf(ReportHeading.Invalid.class)
        .hasMessageContaining("signerTitle");
    ReportHeading kt = new ReportHeading(null, null, null, null, null, null, Signing.KT, null, null, null, null);
    assertThatThrownBy(() -> ReportHeading.DEFAULTS.overlay(kt).checked()).isInstanceOf(ReportHeading.Invalid.class);
  }
}

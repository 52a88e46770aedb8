package vn.hoinghi.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.hoinghi.testing.TestBrowser;
import vn.hoinghi.testing.TestClient;

/**
 * One person, one vote, as people see it in a real browser: a hall's shared link waits for the host, a reopened link
 * signs the same person in again from the device (no new request, the ballot counted once), the same name on a second
 * device is shown to the host as a possible duplicate, and a personal code used on a second device ends the first
 * device's session with a message instead of a reconnect loop.
 */
@DisplayName("The web client: admission, sessions kept on the device, one session per person")
class WebClientAdmissionTest extends BrowserSessionTest {
  private static final String WAITING = "Đang chờ điểm cầu duyệt…";
  private static final String ENDED = "Bạn đã đăng nhập trên thiết bị khác hoặc phiên đã bị kết thúc.";

  private int ballotsOnD1(String voteId) {
    JsonObject t = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/votes/" + voteId + "/tally", null, ui.token("chutri"));
    return t.getJsonArray("articles").getJsonObject(0).getInteger("total");
  }

  @Test
  @DisplayName("a hall link waits for the host; reopened it signs the same person in; the same name elsewhere is a duplicate")
  void hallLinkAdmissionRejoinAndDuplicate() {
    ui.startSession();
    ui.command("chutri", Ui.cmd("OpenVote").put("nodeIds", new JsonArray().add("d1")).put("title", "Biểu quyết Điều 1"));
    String voteId = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/state", null, ui.token("chutri"))
        .getJsonObject("state").getJsonArray("votes").getJsonObject(0).getJsonObject("vote").getString("id");
    Page host = ui.login(ui.desktop(), "dongthap");
    Page chair = ui.login(ui.desktop(), "chutri");
    host.getByTestId("issue-invite").click();
    String joinUrl = host.getByTestId("qr-code").getAttribute("data-text");
    assertThat(joinUrl).contains("/#/join/demo/");

    // A delegate opens the hall's link on a phone, types a name and waits.
    Page phone = ui.phone();
    BrowserContext phoneDevice = phone.context();
    phone.navigate(joinUrl);
    phone.getByTestId("join-name").fill("Trương Thị Hạnh");
    phone.getByTestId("join-submit").click();
    assertThat(phone.getByTestId("join-waiting")).isInViewport();
    assertThat(phone.getByTestId("join-waiting")).containsText(WAITING);
    assertThat(phone.getByTestId("join-waiting")).containsText("Trương Thị Hạnh");

    // The host sees the request and admits it; the phone signs in by itself.
    Locator request = host.getByTestId("join-request");
    assertThat(request).hasCount(1);
    assertThat(request.getByTestId("join-request-name")).hasText("Trương Thị Hạnh");
    assertThat(request.getByTestId("join-request-duplicate")).hasCount(0);
    TestBrowser.screenshot(host, "host-join-request");
    request.getByTestId("admit").click();
    assertThat(host.getByTestId("join-request")).hasCount(0);
    assertThat(phone.getByTestId("connection")).hasAttribute("data-status", "live");
    assertThat(phone).hasURL(Pattern.compile("#/c/demo/delegate$"));
    assertThat(phone.getByTestId("who")).containsText("Trương Thị Hạnh");
    assertThat(host.getByTestId("hall-delegates")).containsText("Trương Thị Hạnh");

    // The delegate votes.
    phone.getByTestId("ballot-d1").getByTestId("choice-AGREE").click();
    assertThat(phone.getByTestId("ballot-d1")).hasAttribute("data-state", "voted");
    assertThat(chair.locator("[data-testid^=tally-table-]").first().getByTestId("total-d1")).hasText("1");

    // The tab is closed; the link opened again on the same phone signs the same person in, without a new request.
    phone.close();
    Page again = phoneDevice.newPage();
    again.onPageError(e -> ui.pageErrors.add(e));
    again.navigate(joinUrl);
    assertThat(again.getByTestId("connection")).hasAttribute("data-status", "live");
    assertThat(again).hasURL(Pattern.compile("#/c/demo/delegate$"));
    assertThat(again.getByTestId("who")).containsText("Trương Thị Hạnh");
    assertThat(again.getByTestId("ballot-d1")).hasAttribute("data-state", "voted");
    assertThat(again.getByText(WAITING)).hasCount(0);
    assertThat(host.getByTestId("join-requests-count")).hasText("0");
    assertThat(chair.locator("[data-testid^=tally-table-]").first().getByTestId("total-d1")).hasText("1");
    assertThat(ballotsOnD1(voteId)).isEqualTo(1);

    // The same person on a second device types the same name: the host sees a possible duplicate, the tally stays 1.
    Page second = ui.phone();
    second.navigate(joinUrl);
    second.getByTestId("join-name").fill("Trương Thị Hạnh");
    second.getByTestId("join-submit").click();
    assertThat(second.getByTestId("join-waiting")).containsText(WAITING);
    assertThat(second.getByTestId("join-duplicate")).isInViewport();
    Locator dup = host.getByTestId("join-request");
    assertThat(dup).hasCount(1);
    assertThat(dup.getByTestId("join-request-duplicate")).containsText("Có thể trùng: Trương Thị Hạnh");
    // Admitting it asks for an explicit confirmation first.
    dup.getByTestId("admit").click();
    assertThat(dup).containsText("Vẫn cho vào?");
    assertThat(dup.getByTestId("admit-confirm")).isVisible();
    TestBrowser.screenshot(host, "host-duplicate-request");
    assertThat(host.getByTestId("join-request")).hasCount(1);
    assertThat(chair.locator("[data-testid^=tally-table-]").first().getByTestId("total-d1")).hasText("1");
    assertThat(ballotsOnD1(voteId)).isEqualTo(1);

    // Admitted knowingly, the second account votes; the host then removes it: its ballot is withdrawn.
    dup.getByTestId("admit-confirm").click();
    assertThat(second.getByTestId("connection")).hasAttribute("data-status", "live");
    second.getByTestId("ballot-d1").getByTestId("choice-DISAGREE").click();
    assertThat(second.getByTestId("ballot-d1")).hasAttribute("data-state", "voted");
    assertThat(chair.locator("[data-testid^=tally-table-]").first().getByTestId("total-d1")).hasText("2");
    Locator rows = host.getByTestId("hall-delegates").getByTestId("delegate-row")
        .filter(new Locator.FilterOptions().setHasText("Trương Thị Hạnh"));
    assertThat(rows).hasCount(2);
    rows.last().getByTestId("remove-participant").click();
    assertThat(rows.last()).containsText("Xoá Trương Thị Hạnh khỏi hội nghị?");
    rows.last().getByTestId("remove-confirm").click();
    assertThat(host.getByTestId("hall-delegates").getByTestId("delegate-row")
        .filter(new Locator.FilterOptions().setHasText("Trương Thị Hạnh"))).hasCount(1);
    assertThat(chair.locator("[data-testid^=tally-table-]").first().getByTestId("total-d1")).hasText("1");
    assertThat(ballotsOnD1(voteId)).isEqualTo(1);
  }

  @Test
  @DisplayName("the join page names the conference and the hall, refuses a wrong code before any name, and lets a "
      + "listed delegate pick their name, which the host confirms")
  void joinPagePicksListedName() {
    String csv = "họ tên,chức vụ,điểm cầu\nNgô Thị Danh Sách,Phó Chánh Văn phòng,DTP\n";
    assertThat(TestClient.upload(server.baseUrl(), "/api/conferences/demo/delegates/import",
        csv.getBytes(StandardCharsets.UTF_8), "text/csv", ui.token("thuky")).getInteger("_status")).isEqualTo(201);
    Page host = ui.login(ui.desktop(), "dongthap");
    host.getByTestId("issue-invite").click();
    String joinUrl = host.getByTestId("qr-code").getAttribute("data-text");

    Page wrong = ui.phone();
    wrong.navigate(server.baseUrl() + "/#/join/demo/K7P2QX9MNB");
    assertThat(wrong.getByTestId("join-unknown")).isInViewport();
    assertThat(wrong.getByTestId("join-unknown")).containsText("K7P2QX9MNB");
    assertThat(wrong.getByTestId("join-name")).hasCount(0);

    Page phone = ui.phone();
    phone.navigate(joinUrl);
    assertThat(phone.getByTestId("join-where")).containsText("Đồng Tháp");
    assertThat(phone.locator("#joinv-h")).not().hasText("Tham gia hội nghị");
    phone.getByTestId("join-claim").selectOption(new com.microsoft.playwright.options.SelectOption()
        .setLabel("Ngô Thị Danh Sách — Phó Chánh Văn phòng"));
    assertThat(phone.getByTestId("join-name")).hasCount(0);
    TestBrowser.screenshot(phone, "join-pick-name-360");
    phone.getByTestId("join-submit").click();
    assertThat(phone.getByTestId("join-waiting")).containsText("Ngô Thị Danh Sách");
    Locator request = host.getByTestId("join-request");
    assertThat(request.getByTestId("join-request-name")).hasText("Ngô Thị Danh Sách");
    request.getByTestId("admit").click();
    assertThat(phone.getByTestId("connection")).hasAttribute("data-status", "live");
    assertThat(phone.getByTestId("who")).containsText("Ngô Thị Danh Sách");
  }

  @Test
  @DisplayName("a personal code used on a second device ends the first device's session with a message, no reconnect")
  void personalCodeOnSecondDevice() {
    String csv = "họ tên,điểm cầu\nĐặng Văn Lâm,DTP\n";
    JsonObject listed = TestClient.upload(server.baseUrl(), "/api/conferences/demo/delegates/import",
        csv.getBytes(StandardCharsets.UTF_8), "text/csv", ui.token("thuky"));
    assertThat(listed.getInteger("_status")).isEqualTo(201);
    JsonObject d = TestClient.http(server.baseUrl(), "GET", "/api/conferences/demo/delegates", null, ui.token("thuky"))
        .getJsonArray("delegates").stream().map(JsonObject.class::cast)
        .filter(x -> "Đặng Văn Lâm".equals(x.getString("fullName"))).findFirst().orElseThrow();
    String link = server.baseUrl() + "/#/join/demo/" + d.getString("personalCode");

    Page first = ui.phone();
    first.navigate(link);
    // A personal code names its person: the page says whose code it is and asks for no name.
    assertThat(first.getByTestId("join-personal")).containsText("Đặng Văn Lâm");
    assertThat(first.getByTestId("join-where")).containsText("Điểm cầu: ");
    assertThat(first.getByTestId("join-name")).hasCount(0);
    first.getByTestId("join-submit").click();
    assertThat(first.getByTestId("connection")).hasAttribute("data-status", "live");
    assertThat(first.getByTestId("who")).containsText("Đặng Văn Lâm");

    Page other = ui.phone();
    other.navigate(link);
    other.getByTestId("join-submit").click();
    assertThat(other.getByTestId("connection")).hasAttribute("data-status", "live");
    assertThat(other.getByTestId("who")).containsText("Đặng Văn Lâm");

    Locator ended = first.getByTestId("session-ended-text");
    assertThat(ended).hasText(ENDED);
    assertThat(ended).isInViewport();
    assertThat(first.getByTestId("sign-in-again")).isVisible();
    TestBrowser.screenshot(first, "session-ended-360");
    // No silent reconnect: a few seconds later the message is still there and nothing connects.
    first.waitForTimeout(3000);
    assertThat(first.getByTestId("session-ended-text")).hasText(ENDED);
    assertThat(first.getByTestId("connection")).hasCount(0);
    assertThat(first.evaluate("Object.keys(localStorage).filter(k => k.startsWith('hoinghi.session.'))").toString())
        .isEqualTo("[]");
    assertThat(other.getByTestId("connection")).hasAttribute("data-status", "live");

    // Signing in again is a deliberate step: the link's form, then the first device is back (and the other ends).
    first.getByTestId("sign-in-again").click();
    assertThat(first.getByTestId("join-personal")).containsText("Đặng Văn Lâm");
    first.getByTestId("join-submit").click();
    assertThat(first.getByTestId("connection")).hasAttribute("data-status", "live");
    assertThat(other.getByTestId("session-ended-text")).hasText(ENDED);
  }
}

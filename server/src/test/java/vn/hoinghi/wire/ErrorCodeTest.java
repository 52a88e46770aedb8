package vn.hoinghi.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.RejectionCode;

/**
 * {@link ErrorCode} is the one list of error codes: the docs' tables (protocol.md's error table with its retryable
 * column, api.md's HTTP status table), the web client's retry set and the domain's rejection codes agree with it.
 */
class ErrorCodeTest {

  private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z_]+)`");

  @Test
  void protocolTableAgreesOnEveryCodeAndItsRetryability() throws Exception {
    String doc = Files.readString(Path.of("../docs/protocol.md"), StandardCharsets.UTF_8);
    String table = doc.substring(doc.indexOf("## Error codes"), doc.indexOf("## Close codes"));
    Set<ErrorCode> seen = EnumSet.noneOf(ErrorCode.class);
    for (String row : table.split("\n")) {
      if (!row.startsWith("| `")) continue;
      String[] cells = row.split("\\|");
      boolean retryable = cells[3].trim().startsWith("yes");
      Matcher m = CODE.matcher(cells[1]);
      while (m.find()) {
        ErrorCode c = ErrorCode.of(m.group(1));
        assertThat(c.retryable()).as(c + " retryable in protocol.md").isEqualTo(retryable);
        seen.add(c);
      }
    }
    assertThat(seen).as("codes in protocol.md's error table").hasSizeGreaterThan(20);
  }

  @Test
  void apiTableGivesEachCodeItsHttpStatus() throws Exception {
    String doc = Files.readString(Path.of("../docs/api.md"), StandardCharsets.UTF_8);
    Set<ErrorCode> seen = EnumSet.noneOf(ErrorCode.class);
    for (String row : doc.split("\n")) {
      Matcher r = Pattern.compile("^\\| (\\d{3}) \\| (.*)\\|$").matcher(row);
      if (!r.matches()) continue;
      int status = Integer.parseInt(r.group(1));
      Matcher m = CODE.matcher(r.group(2));
      while (m.find()) {
        ErrorCode c = ErrorCode.of(m.group(1));
        assertThat(c.httpStatus()).as(c + " HTTP status in api.md").isEqualTo(status);
        seen.add(c);
      }
    }
    // Codes sent only over the WebSocket have no HTTP row; every other one has.
    Set<ErrorCode> wsOnly = EnumSet.of(ErrorCode.UNKNOWN_TYPE, ErrorCode.UNSUPPORTED, ErrorCode.ALREADY_AUTHENTICATED,
        ErrorCode.RATE_LIMITED);
    for (ErrorCode c : ErrorCode.values()) {
      if (!wsOnly.contains(c)) assertThat(seen).as("api.md's status table lists " + c).contains(c);
    }
  }

  @Test
  void theWebClientRetriesExactlyTheRetryableCodes() throws Exception {
    String ts = Files.readString(Path.of("../web-client/src/live/outbox.ts"), StandardCharsets.UTF_8);
    String set = ts.substring(ts.indexOf("export const RETRYABLE"), ts.indexOf("]);", ts.indexOf("export const RETRYABLE")));
    Set<String> client = new HashSet<>();
    Matcher m = Pattern.compile("'([A-Z_]+)'").matcher(set);
    while (m.find()) client.add(m.group(1));
    Set<String> server = new HashSet<>();
    for (ErrorCode c : ErrorCode.values()) if (c.retryable()) server.add(c.name());
    assertThat(client).isEqualTo(server);
  }

  @Test
  void everyDomainRejectionIsAnErrorCodeAndEveryCodeHasBothTexts() {
    for (RejectionCode r : RejectionCode.values()) assertThat(ErrorCode.of(r.name())).isNotNull();
    for (ErrorCode c : ErrorCode.values()) {
      assertThat(c.vi()).as(c + " vi").isNotBlank();
      assertThat(c.en()).as(c + " en").isNotBlank();
    }
  }
}

package vn.hoinghi.app;

import vn.hoinghi.config.ConfigError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hoinghi.auth.Accounts;
import vn.hoinghi.domain.CommandEnvelope;
import vn.hoinghi.domain.demo.DemoConference;
import vn.hoinghi.live.ConferenceWriter;
import vn.hoinghi.live.Conferences;
import vn.hoinghi.live.Outcome;

/**
 * First start on an empty store: the story's conference (DemoConference) through the normal
 * command path, and logins for its people plus an organizer. The passwords are demo passwords,
 * printed at start-up; {@code --no-demo} skips all of it.
 */
public final class DemoSeed {
  private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);
  public static final String PASSWORD = "hoinghi-demo";
  public static final String ORGANIZER = "bantochuc";
  /** Demo logins only; real accounts use the full bcrypt cost. */
  private static final int DEMO_BCRYPT_COST = 10;

  public record Login(String username, String displayName, String role) {}

  public record Result(String conferenceId, List<Login> logins) {
    public static final Result NONE = new Result(null, List.of());
  }

  private DemoSeed() {}

  static Result seedIfEmpty(Conferences conferences, Accounts accounts) {
    try {
      List<String> existing = conferences.ids().await(30, TimeUnit.SECONDS);
      if (!existing.isEmpty() || accounts.size() > 0) return Result.NONE;
      ConferenceWriter w = conferences.writer(DemoConference.CONFERENCE_ID).await(30, TimeUnit.SECONDS);
      for (CommandEnvelope env : DemoConference.commands()) {
        Outcome o = w.submit(env, null).await(30, TimeUnit.SECONDS);
        if (!(o instanceof Outcome.Acked)) {
          throw new ConfigError("demo conference refused command " + env.commandId() + ": " + o);
        }
      }
      List<Login> logins = new ArrayList<>();
      accounts.create(ORGANIZER, "Ban Tổ chức (quản trị)", PASSWORD, true, DEMO_BCRYPT_COST).await(30, TimeUnit.SECONDS);
      logins.add(new Login(ORGANIZER, "Ban Tổ chức (quản trị)", "ORGANIZER"));
      for (DemoConference.DemoAccount a : DemoConference.accounts()) {
        Accounts.Account acc = accounts.create(a.username(), a.displayName(), PASSWORD, false, DEMO_BCRYPT_COST)
            .await(30, TimeUnit.SECONDS);
        accounts.link(acc.id(), DemoConference.CONFERENCE_ID, a.participantId()).await(30, TimeUnit.SECONDS);
        logins.add(new Login(a.username(), a.displayName(), a.role().name()));
      }
      Result r = new Result(DemoConference.CONFERENCE_ID, logins);
      LOG.info("Seeded the demo conference \"{}\" with {} logins", r.conferenceId(), logins.size());
      return r;
    } catch (ConfigError e) {
      throw e;
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ConfigError("cannot seed the demo conference: " + cause.getMessage());
    }
  }

  /** What Main prints after a seeding start. */
  static String banner(Result r, int port) {
    StringBuilder sb = new StringBuilder();
    sb.append("\nHội nghị mẫu / demo conference: ").append(r.conferenceId()).append('\n');
    sb.append("Đăng nhập / logins (mật khẩu / password: ").append(PASSWORD).append("):\n");
    for (Login l : r.logins()) {
      sb.append(String.format("  %-12s %-10s %s%n", l.username(), l.role(), l.displayName()));
    }
    sb.append("Mở / open: http://localhost:").append(port).append("/\n");
    return sb.toString();
  }
}

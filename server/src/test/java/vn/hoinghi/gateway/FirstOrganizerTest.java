package vn.hoinghi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoinghi.testing.TestClient.post;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoinghi.testing.Await;
import vn.hoinghi.testing.TestServer;

@DisplayName("The first organizer of a deployment without the demo, and logins that lead nowhere")
class FirstOrganizerTest {

  private static JsonObject login(TestServer s, String user, String password) {
    return post(s.baseUrl(), "/api/login", new JsonObject().put("username", user).put("password", password), null);
  }

  private static JsonObject change(TestServer s, String user, String password, String newPassword) {
    return post(s.baseUrl(), "/api/password", new JsonObject().put("username", user).put("password", password)
        .put("newPassword", newPassword), null);
  }

  @Test
  @DisplayName("a generated password, shown once, gives no token until it is changed; then the organizer logs in")
  void generatedPasswordMustBeChanged() {
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("organizer.username", "quantri"))) {
      String generated = s.app.firstOrganizer().generatedPassword();
      assertThat(s.app.firstOrganizer().username()).isEqualTo("quantri");
      assertThat(generated).hasSize(20);
      JsonObject first = login(s, "quantri", generated);
      assertThat(first.getInteger("_status")).as(first.encode()).isEqualTo(403);
      assertThat(first.getString("code")).isEqualTo("PASSWORD_CHANGE_REQUIRED");
      assertThat(first.getBoolean("mustChangePassword")).isTrue();
      assertThat(first.containsKey("accessToken")).isFalse();
      assertThat(change(s, "quantri", "sai-mat-khau", "mat-khau-moi-rat-dai").getInteger("_status")).isEqualTo(401);
      assertThat(change(s, "quantri", generated, generated).getInteger("_status")).isEqualTo(400);
      assertThat(change(s, "quantri", generated, "ngan").getInteger("_status")).isEqualTo(400);
      assertThat(change(s, "quantri", generated, "mat-khau-moi-rat-dai").getInteger("_status")).isEqualTo(200);
      assertThat(login(s, "quantri", generated).getInteger("_status")).isEqualTo(401);
      JsonObject ok = login(s, "quantri", "mat-khau-moi-rat-dai");
      assertThat(ok.getInteger("_status")).as(ok.encode()).isEqualTo(200);
      assertThat(ok.getString("kind")).isEqualTo("organizer");
      JsonObject created = post(s.baseUrl(), "/api/conferences", new JsonObject().put("title", "Hội nghị thật")
          .put("speakingLimitSeconds", 300), ok.getString("accessToken"));
      assertThat(created.getInteger("_status")).isEqualTo(201);
    }
  }

  @Test
  @DisplayName("a password from organizer.password.file is not printed and must be changed too")
  void passwordFromFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("organizer.password");
    Files.writeString(file, "mat-khau-tu-tep-bi-mat\n");
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject()
        .put("organizer.username", "bantochuc").put("organizer.password.file", file.toString()))) {
      assertThat(s.app.firstOrganizer().username()).isEqualTo("bantochuc");
      assertThat(s.app.firstOrganizer().generatedPassword()).isNull();
      assertThat(login(s, "bantochuc", "mat-khau-tu-tep-bi-mat").getString("code")).isEqualTo("PASSWORD_CHANGE_REQUIRED");
    }
  }

  @Test
  @DisplayName("no first organizer when the demo is seeded (its accounts exist)")
  void notWithDemo() {
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED, new JsonObject().put("demo.seed", true)
        .put("organizer.username", "quantri"))) {
      assertThat(s.app.firstOrganizer().username()).isNull();
      assertThat(s.app.accounts().byUsername("quantri")).isEmpty();
    }
  }

  @Test
  @DisplayName("on PostgreSQL with demo.seed left to auto: no demo, no published login, a first organizer instead")
  void postgresWithoutDemo() {
    try (TestServer s = TestServer.start(TestServer.StoreKind.POSTGRES, new JsonObject().put("demo.seed", "auto")
        .put("organizer.username", "bantochuc"))) {
      assertThat(Await.of(s.app.conferences().ids())).isEmpty();
      assertThat(login(s, "chutri", "hoinghi-demo").getInteger("_status")).isEqualTo(401);
      assertThat(login(s, "bantochuc", "hoinghi-demo").getInteger("_status")).isEqualTo(401);
      assertThat(login(s, "bantochuc", s.app.firstOrganizer().generatedPassword()).getString("code"))
          .isEqualTo("PASSWORD_CHANGE_REQUIRED");
    }
  }

  @Test
  @DisplayName("an account that takes part in no conference gets 403 NO_CONFERENCE, not an empty choice")
  void accountWithoutConference() {
    try (TestServer s = TestServer.start(TestServer.StoreKind.EMBEDDED)) {
      Await.of(s.app.accounts().create("khach.moi", "Khách mới", "mat-khau-khach", false, 4));
      JsonObject r = login(s, "khach.moi", "mat-khau-khach");
      assertThat(r.getInteger("_status")).as(r.encode()).isEqualTo(403);
      assertThat(r.getString("code")).isEqualTo("NO_CONFERENCE");
      assertThat(r.containsKey("accessToken")).isFalse();
    }
  }
}

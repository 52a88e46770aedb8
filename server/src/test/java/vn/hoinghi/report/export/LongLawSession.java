package vn.hoinghi.report.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.hoinghi.domain.AnnotationKind;
import vn.hoinghi.domain.Choice;
import vn.hoinghi.domain.Command;
import vn.hoinghi.domain.Event;
import vn.hoinghi.domain.ResponseKind;
import vn.hoinghi.domain.VoteMode;
import vn.hoinghi.domain.document.DraftNode;
import vn.hoinghi.report.PlayedSession;

/**
 * A conference on a real text of 199 articles (drafts/real/ghep-hien-phap-2013-luat-cntt-2006.txt, sources beside
 * it) with twelve opinions: eleven annotations on articles spread over the text (nine answered) and one "ý kiến khác"
 * given with a ballot, one vote on three articles. The report of such a conference must fit in five pages.
 */
final class LongLawSession {

  static final String TEXT = "/drafts/real/ghep-hien-phap-2013-luat-cntt-2006.txt";

  private LongLawSession() {}

  static PlayedSession play() {
    PlayedSession s = PlayedSession.demo();
    s.run(s.as("thuky"), new Command.ImportDraft(read(), "Dự thảo văn bản dài"));
    s.run(s.as("chutri"), new Command.StartConference());
    s.run(s.as("hanoi"), new Command.CheckInEndpoint(s.endpoint("HNI"), 15));
    s.run(s.as("dongthap"), new Command.CheckInEndpoint(s.endpoint("DTP"), 12));
    s.run(s.as("chutri"), new Command.CheckInEndpoint(s.endpoint("TW"), 20));
    List<DraftNode> articles = s.conf.currentDraft().orElseThrow().document().articles();

    List<String> voted = List.of(articles.get(0).id(), articles.get(1).id(), articles.get(2).id());
    String vote = s.run(s.as("chutri"), new Command.OpenVote("Biểu quyết Điều 1–3", voted, VoteMode.NAMED),
        Event.VoteOpened.class).voteId();
    for (String a : voted) {
      for (String u : List.of("daibieu1", "daibieu2", "daibieu4", "daibieu5")) {
        s.run(s.as(u), new Command.CastBallot(vote, a, Choice.AGREE, null));
      }
      s.run(s.as("daibieu3"), new Command.CastBallot(vote, a, a.equals(voted.get(1)) ? Choice.OTHER : Choice.AGREE,
          a.equals(voted.get(1)) ? "Đề nghị làm rõ khái niệm “Nhân dân” trong điều này." : null));
    }
    s.run(s.as("chutri"), new Command.CloseVote(vote));

    String[] users = {"daibieu1", "daibieu2", "daibieu3", "daibieu4", "daibieu5", "hanoi"};
    int[] at = {4, 13, 27, 50, 69, 96, 120, 124, 140, 155, 190};
    ResponseKind[] answers = {ResponseKind.ACCEPTED, ResponseKind.EXPLAINED, ResponseKind.NOTED};
    for (int i = 0; i < at.length; i++) {
      DraftNode article = articles.get(at[i]);
      DraftNode node = article.children().isEmpty() || article.children().get(0).text().isBlank() ? article
          : article.children().get(0);
      String text = s.text(node.id());
      String quote = text.substring(0, Math.min(text.length(), 40)).strip();
      boolean proposal = i % 3 == 0;
      String id = s.annotate(users[i % users.length], node.id(),
          proposal ? AnnotationKind.PROPOSED_WORDING : i % 3 == 1 ? AnnotationKind.COMMENT : AnnotationKind.QUESTION,
          quote, "Đề nghị Ban soạn thảo xem xét, làm rõ phạm vi và trách nhiệm của cơ quan, tổ chức có liên quan "
              + "tại " + article.label() + " để bảo đảm thống nhất với các luật khác.",
          proposal ? quote + " theo quy định của pháp luật" : null);
      if (i < 9) {
        ResponseKind k = answers[i % 3];
        s.run(s.as("thuky"), new Command.RespondToAnnotation(id, k, k == ResponseKind.EXPLAINED
            ? "Nội dung này đã được quy định tại văn bản hướng dẫn thi hành, đề nghị giữ như dự thảo." : null));
      }
    }
    return s;
  }

  private static String read() {
    try (var in = LongLawSession.class.getResourceAsStream(TEXT)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

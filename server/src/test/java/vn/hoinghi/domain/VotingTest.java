package vn.hoinghi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.hoinghi.domain.Command.*;
import vn.hoinghi.domain.Event.*;
import vn.hoinghi.domain.document.Drafts;

@DisplayName("Per-article voting")
class VotingTest {

  @Nested
  @DisplayName("OpenVote")
  class Open extends WorldTest {

    @Test
    @DisplayName("the chair opens a vote on articles, or on a whole chapter, in the default mode unless told")
    void open() {
      w = World.live();
      VoteOpened e = w.h.ok(w.as(w.chair), new OpenVote("Chương II", List.of("c2"), null), VoteOpened.class);
      assertThat(e.articleIds()).containsExactly("d4", "d5", "d6", "d7");
      assertThat(e.mode()).isEqualTo(VoteMode.NAMED);
      assertThat(e.draftVersion()).isEqualTo(1);
      assertThat(e.voteId()).isEqualTo("v-" + w.conf().version());
      VoteOpened secret = w.h.ok(w.as(w.chair), new OpenVote(null, List.of("d1", "d2", "d1"), VoteMode.ANONYMOUS),
          VoteOpened.class);
      assertThat(secret.articleIds()).containsExactly("d1", "d2");
      assertThat(secret.mode()).isEqualTo(VoteMode.ANONYMOUS);
      assertThat(w.conf().vote(secret.voteId())).get().extracting(Vote::status).isEqualTo(VoteStatus.OPEN);
    }

    @Test
    @DisplayName("refuses nothing to vote on, clauses, unknown nodes, articles already in an open vote, other roles")
    void refused() {
      w = World.live();
      w.h.rejected(w.as(w.chair), new OpenVote(null, List.of(), null), RejectionCode.INVALID);
      w.h.rejected(w.as(w.chair), new OpenVote(null, null, null), RejectionCode.INVALID);
      w.h.rejected(w.as(w.chair), new OpenVote(null, List.of("d2.k1"), null), RejectionCode.INVALID);
      w.h.rejected(w.as(w.chair), new OpenVote(null, List.of("d99"), null), RejectionCode.NOT_FOUND);
      w.h.rejected(w.as(w.chair), new OpenVote("x".repeat(Limits.TITLE + 1), List.of("d1"), null), RejectionCode.LIMIT);
      w.h.rejected(w.as(w.secretary), new OpenVote(null, List.of("d1"), null), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.delegateDtp), new OpenVote(null, List.of("d1"), null), RejectionCode.FORBIDDEN);
      w.openVote(VoteMode.NAMED, "d3");
      w.h.rejected(w.as(w.chair), new OpenVote(null, List.of("c1"), null), RejectionCode.CONFLICT);
    }

    @Test
    @DisplayName("votes happen only during the live session")
    void notLive() {
      w = World.scheduled();
      w.h.rejected(w.as(w.chair), new OpenVote(null, List.of("d1"), null), RejectionCode.WRONG_STATE);
    }
  }

  @Nested
  @DisplayName("CastBallot")
  class Cast extends WorldTest {

    @Test
    @DisplayName("a delegate votes and may change the ballot while the vote is open; a change moves one count")
    void castAndChange() {
      w = World.live();
      String v = w.openVote(VoteMode.NAMED, "d1", "d2");
      w.h.ok(w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.AGREE, null));
      w.h.ok(w.as(w.delegateDtp2), new CastBallot(v, "d1", Choice.AGREE, null));
      w.h.ok(w.as(w.delegateHni), new CastBallot(v, "d1", Choice.DISAGREE, null));
      assertThat(w.conf().tally(v, "d1")).extracting(Tally::agree, Tally::disagree, Tally::other, Tally::total)
          .containsExactly(2, 1, 0, 3);
      w.h.ok(w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.OTHER, "Đề nghị sửa câu chữ khoản 2"));
      assertThat(w.conf().tally(v, "d1")).extracting(Tally::agree, Tally::disagree, Tally::other, Tally::total)
          .containsExactly(1, 1, 1, 3);
      assertThat(w.conf().tally(v, "d1").byEndpoint().get(w.dtp)).isEqualTo(
          new EndpointTally(1, 0, 1, 2, false, Counts.of(1, 0, 1)));
      assertThat(w.conf().ballots()).hasSize(3);
      assertThat(w.conf().tally(v, "d2").total()).isZero();
    }

    @Test
    @DisplayName("the chair votes as a delegate of the central endpoint when they hold both roles")
    void chairAsDelegate() {
      w = World.live();
      String both = w.register("Chủ trì kiêm đại biểu", EnumSet.of(Role.CHAIR, Role.DELEGATE), w.central);
      String v = w.openVote(VoteMode.NAMED, "d1");
      w.h.ok(w.as(both), new CastBallot(v, "d1", Choice.AGREE, null));
      assertThat(w.conf().tally(v, "d1").byEndpoint()).containsOnlyKeys(w.central);
      w.h.rejected(w.as(w.chair), new CastBallot(v, "d1", Choice.AGREE, null), RejectionCode.FORBIDDEN);
    }

    @Test
    @DisplayName("refuses text with agree or disagree, over-long text, no choice, other roles, unknown vote or article")
    void refused() {
      w = World.live();
      String v = w.openVote(VoteMode.NAMED, "d1");
      Actor d = w.as(w.delegateDtp);
      w.h.rejected(d, new CastBallot(v, "d1", Choice.AGREE, "tại sao"), RejectionCode.INVALID);
      w.h.rejected(d, new CastBallot(v, "d1", Choice.OTHER, "x".repeat(Limits.BALLOT_TEXT + 1)), RejectionCode.LIMIT);
      w.h.rejected(d, new CastBallot(v, "d1", null, null), RejectionCode.INVALID);
      w.h.rejected(d, new CastBallot(v, "d2", Choice.AGREE, null), RejectionCode.NOT_FOUND);
      w.h.rejected(d, new CastBallot(v, null, Choice.AGREE, null), RejectionCode.NOT_FOUND);
      w.h.rejected(d, new CastBallot("v-404", "d1", Choice.AGREE, null), RejectionCode.NOT_FOUND);
      w.h.rejected(w.as(w.hostDtp), new CastBallot(v, "d1", Choice.AGREE, null), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.observer), new CastBallot(v, "d1", Choice.AGREE, null), RejectionCode.FORBIDDEN);
      w.h.rejected(World.ORGANIZER, new CastBallot(v, "d1", Choice.AGREE, null), RejectionCode.FORBIDDEN);
      w.h.ok(w.as(w.chair), new CloseVote(v));
      w.h.rejected(d, new CastBallot(v, "d1", Choice.AGREE, null), RejectionCode.WRONG_STATE);
    }
  }

  @Nested
  @DisplayName("anonymous votes")
  class Anonymous extends WorldTest {

    @Test
    @DisplayName("neither the log nor the state pairs a participant with a choice")
    void noLink() {
      w = World.live();
      String v = w.openVote(VoteMode.ANONYMOUS, "d1");
      Decision d = w.h.send("ballot-1", w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.DISAGREE, null));
      Decision.Accepted accepted = (Decision.Accepted) d;
      String key = FixedSecretSealer.INSTANCE.voterKey("conf-1", v, w.delegateDtp);
      assertThat(accepted.recordedActor()).isEqualTo("voter:" + key);
      assertThat(accepted.events()).containsExactly(new SecretBallotCast(v, "d1", key, w.dtp, Choice.DISAGREE, null));
      RecordedEvent last = w.h.log.get(w.h.log.size() - 1);
      assertThat(last.toString()).doesNotContain(w.delegateDtp);
      assertThat(w.conf().snapshot().ballots().toString()).doesNotContain(w.delegateDtp);
      assertThat(w.conf().tally(v, "d1").disagree()).isEqualTo(1);
    }

    @Test
    @DisplayName("a repeated command is recognised by the voter key, and a changed ballot replaces the old one")
    void idempotentByKey() {
      w = World.live();
      String v = w.openVote(VoteMode.ANONYMOUS, "d1");
      w.h.send("ballot-1", w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.DISAGREE, null));
      long version = w.conf().version();
      assertThat(w.h.send("ballot-1", w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.DISAGREE, null)))
          .isEqualTo(new Decision.AlreadyApplied(version, version));
      w.h.send("ballot-2", w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.AGREE, null));
      assertThat(w.conf().tally(v, "d1")).extracting(Tally::agree, Tally::disagree).containsExactly(1, 0);
      assertThat(w.conf().ballots()).hasSize(1);
    }

    @Test
    @DisplayName("only the voter receives a secret ballot or sees it in their view; the moderators do not")
    void onlyTheVoterSeesIt() {
      w = World.live();
      String v = w.openVote(VoteMode.ANONYMOUS, "d1");
      SecretBallotCast e = w.h.ok(w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.AGREE, null), SecretBallotCast.class);
      assertThat(w.conf().views().mayReceive(Viewer.participant(w.delegateDtp), e)).isTrue();
      assertThat(w.conf().views().mayReceive(Viewer.participant(w.delegateDtp2), e)).isFalse();
      assertThat(w.conf().views().mayReceive(Viewer.participant(w.chair), e)).isFalse();
      assertThat(w.conf().views().mayReceive(Viewer.organizerConsole(), e)).isFalse();
      assertThat(w.conf().views().viewFor(Viewer.participant(w.delegateDtp), w.h.now).votes().get(0).ballots()).hasSize(1);
      assertThat(w.conf().views().viewFor(Viewer.participant(w.delegateDtp2), w.h.now).votes().get(0).ballots()).isEmpty();
      assertThat(w.conf().views().viewFor(Viewer.participant(w.chair), w.h.now).votes().get(0).ballots()).isEmpty();
    }

    @Test
    @DisplayName("in a named vote the voter and the moderators receive the ballot, nobody else")
    void namedAudience() {
      w = World.live();
      String v = w.openVote(VoteMode.NAMED, "d1");
      BallotCast e = w.h.ok(w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.AGREE, null), BallotCast.class);
      assertThat(w.conf().views().mayReceive(Viewer.participant(w.delegateDtp), e)).isTrue();
      assertThat(w.conf().views().mayReceive(Viewer.participant(w.secretary), e)).isTrue();
      assertThat(w.conf().views().mayReceive(Viewer.participant(w.delegateHni), e)).isFalse();
      assertThat(w.conf().views().mayReceive(Viewer.publicScreen(), e)).isFalse();
      assertThat(w.conf().views().viewFor(Viewer.participant(w.secretary), w.h.now).votes().get(0).ballots()).hasSize(1);
      assertThat(w.conf().views().viewFor(Viewer.participant(w.delegateHni), w.h.now).votes().get(0).ballots()).isEmpty();
    }
  }

  @Nested
  @DisplayName("RecordHallResult and ClearHallResult")
  class HallResults extends WorldTest {

    @Test
    @DisplayName("a hall's collective result replaces its individual ballots in the tally; nothing counts twice")
    void collectiveReplacesIndividual() {
      w = World.live().checkedIn(40);
      String v = w.openVote(VoteMode.NAMED, "d1");
      w.h.ok(w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.AGREE, null));
      w.h.ok(w.as(w.delegateDtp2), new CastBallot(v, "d1", Choice.DISAGREE, null));
      w.h.ok(w.as(w.delegateHni), new CastBallot(v, "d1", Choice.AGREE, null));
      w.h.ok(w.as(w.hostDtp), new RecordHallResult(v, "d1", w.dtp, 30, 5, 3));
      Tally t = w.conf().tally(v, "d1");
      assertThat(t).extracting(Tally::agree, Tally::disagree, Tally::other, Tally::total).containsExactly(31, 5, 3, 39);
      assertThat(t.byEndpoint().get(w.dtp)).isEqualTo(new EndpointTally(30, 5, 3, 38, true, Counts.of(1, 1, 0)));
      w.h.ok(w.as(w.delegateDtp2), new CastBallot(v, "d1", Choice.AGREE, null));
      assertThat(w.conf().tally(v, "d1").total()).isEqualTo(39);
      assertThat(w.conf().tally(v, "d1").byEndpoint().get(w.dtp).individual()).isEqualTo(Counts.of(2, 0, 0));
      w.h.ok(w.as(w.hostDtp), new RecordHallResult(v, "d1", w.dtp, 36, 2, 0));
      assertThat(w.conf().tally(v, "d1").total()).isEqualTo(39);
      w.h.ok(w.as(w.hostDtp), new ClearHallResult(v, "d1", w.dtp));
      assertThat(w.conf().tally(v, "d1")).extracting(Tally::agree, Tally::total).containsExactly(3, 3);
    }

    @Test
    @DisplayName("refuses negative counts, more than the head count, a hall not checked in, another hall, other roles")
    void refused() {
      w = World.live();
      String v = w.openVote(VoteMode.NAMED, "d1");
      Actor host = w.as(w.hostDtp);
      w.h.rejected(host, new RecordHallResult(v, "d1", w.dtp, 1, 0, 0), RejectionCode.WRONG_STATE);
      w.h.ok(host, new CheckInEndpoint(w.dtp, 10));
      w.h.rejected(host, new RecordHallResult(v, "d1", w.dtp, -1, 0, 0), RejectionCode.INVALID);
      w.h.rejected(host, new RecordHallResult(v, "d1", w.dtp, 5, 5, 1), RejectionCode.LIMIT);
      w.h.rejected(host, new RecordHallResult(v, "d1", w.hni, 1, 0, 0), RejectionCode.FORBIDDEN);
      w.h.rejected(host, new RecordHallResult(v, "d2", w.dtp, 1, 0, 0), RejectionCode.NOT_FOUND);
      w.h.rejected(host, new RecordHallResult(v, "d1", "ep-404", 1, 0, 0), RejectionCode.NOT_FOUND);
      w.h.rejected(w.as(w.chair), new RecordHallResult(v, "d1", w.dtp, 1, 0, 0), RejectionCode.FORBIDDEN);
      w.h.rejected(w.as(w.delegateDtp), new RecordHallResult(v, "d1", w.dtp, 1, 0, 0), RejectionCode.FORBIDDEN);
      w.h.rejected(host, new ClearHallResult(v, "d1", w.dtp), RejectionCode.NOT_FOUND);
      w.h.ok(host, new RecordHallResult(v, "d1", w.dtp, 5, 5, 0));
      w.h.rejected(w.as(w.hostHni), new ClearHallResult(v, "d1", w.dtp), RejectionCode.FORBIDDEN);
      w.h.ok(w.as(w.chair), new CloseVote(v));
      w.h.rejected(host, new RecordHallResult(v, "d1", w.dtp, 1, 0, 0), RejectionCode.WRONG_STATE);
      w.h.rejected(host, new ClearHallResult(v, "d1", w.dtp), RejectionCode.WRONG_STATE);
    }
  }

  @Nested
  @DisplayName("CloseVote and ReopenVote")
  class CloseAndReopen extends WorldTest {

    @Test
    @DisplayName("a closed vote may be reopened, keeping its ballots, at most three times")
    void reopen() {
      w = World.live();
      String v = w.openVote(VoteMode.NAMED, "d1");
      w.h.ok(w.as(w.delegateDtp), new CastBallot(v, "d1", Choice.AGREE, null));
      for (int i = 0; i < Limits.REOPENS; i++) {
        w.h.ok(w.as(w.chair), new CloseVote(v));
        w.h.ok(w.as(w.chair), new ReopenVote(v));
      }
      assertThat(w.conf().vote(v).orElseThrow().reopenCount()).isEqualTo(Limits.REOPENS);
      assertThat(w.conf().tally(v, "d1").agree()).isEqualTo(1);
      w.h.ok(w.as(w.chair), new CloseVote(v));
      w.h.rejected(w.as(w.chair), new ReopenVote(v), RejectionCode.LIMIT);
    }

    @Test
    @DisplayName("no reopening while a hall result exceeds the hall's head count, lowered since the vote closed")
    void reopenAboveHeadCount() {
      w = World.live().checkedIn(30);
      String v = w.openVote(VoteMode.NAMED, "d1");
      w.h.ok(w.as(w.hostDtp), new RecordHallResult(v, "d1", w.dtp, 20, 0, 0));
      w.h.ok(w.as(w.chair), new CloseVote(v));
      w.h.ok(w.as(w.hostDtp), new UpdateHeadCount(w.dtp, 18));
      Rejection r = w.h.rejected(w.as(w.chair), new ReopenVote(v), RejectionCode.CONFLICT);
      assertThat(r.details()).containsExactly(w.dtp);
      w.h.ok(w.as(w.hostDtp), new UpdateHeadCount(w.dtp, 20));
      w.h.ok(w.as(w.chair), new ReopenVote(v));
    }

    @Test
    @DisplayName("no reopening while open, after a new draft version, with an article in another open vote, or by others")
    void reopenRefused() {
      w = World.live();
      String v = w.openVote(VoteMode.NAMED, "d1");
      w.h.rejected(w.as(w.chair), new ReopenVote(v), RejectionCode.WRONG_STATE);
      w.h.rejected(w.as(w.secretary), new CloseVote(v), RejectionCode.FORBIDDEN);
      w.h.ok(w.as(w.chair), new CloseVote(v));
      w.h.rejected(w.as(w.chair), new CloseVote(v), RejectionCode.WRONG_STATE);
      w.h.rejected(w.as(w.chair), new CloseVote("v-404"), RejectionCode.NOT_FOUND);
      w.h.rejected(w.as(w.delegateDtp), new ReopenVote(v), RejectionCode.FORBIDDEN);
      String other = w.openVote(VoteMode.NAMED, "d1");
      w.h.rejected(w.as(w.chair), new ReopenVote(v), RejectionCode.CONFLICT);
      w.h.ok(w.as(w.chair), new CloseVote(other));
      w.h.ok(w.as(w.secretary), new ImportDraft(Drafts.read("quy-che-v2.md"), null));
      w.h.rejected(w.as(w.chair), new ReopenVote(v), RejectionCode.WRONG_STATE);
    }
  }

  @Nested
  @DisplayName("views")
  class Views extends WorldTest {

    @Test
    @DisplayName("everyone sees live tallies and hall results; the public screen sees no ballot")
    void tallies() {
      w = World.live().checkedIn(10);
      String v = w.openVote(VoteMode.NAMED, "d1", "d2");
      w.h.ok(w.as(w.delegateHni), new CastBallot(v, "d2", Choice.AGREE, null));
      w.h.ok(w.as(w.hostDtp), new RecordHallResult(v, "d2", w.dtp, 7, 1, 0));
      ConferenceView.VoteView view = w.conf().views().viewFor(Viewer.publicScreen(), w.h.now).votes().get(0);
      assertThat(view.tallies()).containsOnlyKeys("d1", "d2");
      assertThat(view.tallies().get("d2").total()).isEqualTo(9);
      assertThat(view.hallResults()).hasSize(1);
      assertThat(view.ballots()).isEmpty();
    }
  }
}

package vn.hoinghi.domain;

import vn.hoinghi.domain.Command.SetReportHeading;
import vn.hoinghi.domain.Event.ReportHeadingSet;

/**
 * The report's thể thức văn bản set once per conference: the heading block, the drafting body's name, the signature
 * and the recipients ({@link ReportHeading}). Set by the drafting team (an organizer, the chair, the secretary) in any
 * status, seen by the moderators, who are the ones downloading the whole report; null until it is first set.
 */
final class ReportSetup {

  ReportHeading heading;

  void register(Tables t) {
    t.handlers().handle(SetReportHeading.class, this::set);
    t.folds().fold(ReportHeadingSet.class, e -> heading = e.heading());
    t.audiences().map(ReportHeadingSet.class, e -> Audience.MODERATORS);
  }

  private void set(SetReportHeading c, Decide d) {
    ReportHeading given = Check.required(c.heading(), "thể thức văn bản", "report heading");
    ReportHeading checked;
    try {
      checked = given.checked();
    } catch (ReportHeading.Invalid e) {
      throw e.limit() ? Reject.limit(e.vi(), e.getMessage()) : Reject.invalid(e.vi(), e.getMessage());
    }
    d.emit(new ReportHeadingSet(checked, d.actorName(), d.now));
  }
}

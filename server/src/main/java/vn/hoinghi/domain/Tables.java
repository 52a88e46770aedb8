package vn.hoinghi.domain;

/** The three dispatch tables each part of the conference registers its cases in. */
record Tables(Dispatch<Command, Decide, Void> handlers, Dispatch<Event, Void, Void> folds,
    Dispatch<Event, Void, Audience> audiences) {

  static Tables create() {
    return new Tables(Dispatch.over(Command.class), Dispatch.over(Event.class), Dispatch.over(Event.class));
  }

  Tables complete() {
    handlers.complete();
    folds.complete();
    audiences.complete();
    return this;
  }
}

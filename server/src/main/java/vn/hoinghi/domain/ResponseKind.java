package vn.hoinghi.domain;

/** The drafting team's answer: tiếp thu (taken into the draft), giải trình (explained, text required), noted. */
public enum ResponseKind { ACCEPTED, EXPLAINED, NOTED }

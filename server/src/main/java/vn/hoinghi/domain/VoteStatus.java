package vn.hoinghi.domain;

/** Ballots are accepted and may be changed only while OPEN. */
public enum VoteStatus { OPEN, CLOSED }

package vn.hoinghi.domain;

/** Conference-wide defaults: the vote mode a vote gets when the chair does not say, and the speaking time limit. */
public record Settings(VoteMode defaultVoteMode, int speakingLimitSeconds) {}

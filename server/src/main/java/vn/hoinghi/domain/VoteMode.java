package vn.hoinghi.domain;

/** NAMED: the ballot names the participant. ANONYMOUS: only a voter key, so nothing tells who chose what. */
public enum VoteMode { NAMED, ANONYMOUS }

package vn.hoinghi.domain;

/** The sequence numbers of the events one command produced. */
public record SeqRange(long first, long last) {}

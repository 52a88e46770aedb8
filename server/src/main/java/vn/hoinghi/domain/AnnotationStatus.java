package vn.hoinghi.domain;

/** VISIBLE to all; HIDDEN by a moderator (author and moderators still see it); DELETED by its author (text gone). */
public enum AnnotationStatus { VISIBLE, HIDDEN, DELETED }

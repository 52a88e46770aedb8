package vn.hoinghi.domain;

/** At most one item is CURRENT; an item may be taken up again after it was DONE. */
public enum AgendaItemStatus { PENDING, CURRENT, DONE }

package vn.hoinghi.domain;

/** Khai mạc, trình bày, thảo luận (a chapter or article range), biểu quyết, kết luận, khác. */
public enum AgendaItemKind { OPENING, PRESENTATION, DISCUSSION, VOTE, CONCLUSION, OTHER }

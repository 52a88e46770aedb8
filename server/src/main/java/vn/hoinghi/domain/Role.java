package vn.hoinghi.domain;

/** What a participant does in a conference; one participant may hold several (the chair is often a delegate too). */
public enum Role {
  /** Chủ trì: runs the agenda, votes and the speaker queue. Belongs to the central endpoint. */
  CHAIR,
  /** Thư ký / tổ soạn thảo: prepares the draft, moderates and answers feedback. Belongs to the central endpoint. */
  SECRETARY,
  /** Điểm cầu: runs one hall, checks it in, speaks and records results for it. */
  HOST,
  /** Đại biểu: reads, votes, annotates, asks for the floor. */
  DELEGATE,
  /** Màn hình hội trường: read-only. */
  OBSERVER
}

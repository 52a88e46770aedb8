package vn.hoinghi.domain;

/** The conference's life: DRAFT → SCHEDULED → LIVE → FEEDBACK_OPEN → CLOSED (LIVE may also close directly). */
public enum ConferenceStatus { DRAFT, SCHEDULED, LIVE, FEEDBACK_OPEN, CLOSED }

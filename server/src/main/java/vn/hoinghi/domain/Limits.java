package vn.hoinghi.domain;

/**
 * Every bound on input and on state, in one place. A national conference reaches communes: thousands of endpoints and
 * tens of thousands of delegates are real, so the counts leave that room while still capping what one caller can add.
 */
public final class Limits {

  public static final int COMMAND_ID = 64;
  public static final int TITLE = 300;
  public static final int DESCRIPTION = 4000;
  public static final int NAME = 200;
  public static final int REGION = 100;
  public static final int NOTE = 300;
  public static final int REASON = 500;
  public static final int ANNOTATION_BODY = 4000;
  public static final int REPLACEMENT = 4000;
  public static final int QUOTE = 2000;
  public static final int BALLOT_TEXT = 2000;
  public static final int RESPONSE_TEXT = 4000;

  public static final int ENDPOINTS = 20_000;
  /** Rows of one {@code ImportEndpoints} (a CSV file). */
  public static final int ENDPOINTS_PER_IMPORT = 10_000;
  public static final int PARTICIPANTS = 200_000;
  public static final int INVITES = 20_000;
  public static final int INVITE_USES = 10_000;
  public static final int HEAD_COUNT = 100_000;
  public static final int AGENDA_ITEMS = 200;
  public static final int AGENDA_NODES = 100;
  public static final int PLANNED_MINUTES = 24 * 60;
  public static final int SPEAKING_LIMIT_SECONDS = 3600;
  public static final int DRAFT_VERSIONS = 100;
  public static final int VOTES = 2000;
  public static final int VOTE_ARTICLES = 1000;
  public static final int REOPENS = 3;
  public static final int WAITING_REQUESTS = 5000;
  public static final int ANNOTATIONS = 200_000;
  public static final int REPLIES = 500;
  public static final int PROBLEM_DETAILS = 200;
  /** Written opinions in one import (XLSX/CSV), a công văn number's length, opinions merged into one row. */
  public static final int WRITTEN_OPINIONS_PER_IMPORT = 2_000;
  public static final int LETTER_NUMBER = 100;
  public static final int MERGED_OPINIONS = 50;
  /** How far ahead an invite expiry or a feedback deadline may be set. */
  public static final int MAX_DAYS_AHEAD = 366;

  private Limits() {}
}

package vn.hoinghi.domain;

/**
 * One alternative wording (phương án) a vote asks delegates to choose between: the id of its ALTERNATIVE node in the
 * draft version the vote was opened on, and its label as a reader sees it ("Phương án 2").
 */
public record Alternative(String id, String label) {}

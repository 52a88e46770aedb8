package vn.hoinghi.domain;

import java.time.Instant;

/**
 * An opinion an agency sent in writing (góp ý bằng văn bản): the agency, its công văn (number, and date as yyyy-mm-dd), the place in
 * draft version {@code draftVersion} it is about ({@code nodeId} null: the text as a whole), and what it says.
 * Recorded by the secretary; it enters the report's table and is answered like any other opinion.
 */
public record WrittenOpinion(String id, String agency, String letterNumber, String letterDate, String nodeId,
    int draftVersion, String text, String recordedBy, Instant at) {}

package vn.hoinghi.domain;

/** One delegate of a hall's list as recorded: the participant it became and what the list says of them. */
public record ListedDelegate(String participantId, String fullName, @Nullable String position, @Nullable String unit,
    @Nullable String phone, @Nullable String email) {}

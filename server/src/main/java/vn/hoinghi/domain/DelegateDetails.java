package vn.hoinghi.domain;

/**
 * What the delegate list says of a listed delegate beyond the name: chức vụ, đơn vị and contact. Seen by the
 * moderators and the hosts of the delegate's hall only.
 */
public record DelegateDetails(String participantId, @Nullable String position, @Nullable String unit,
    @Nullable String phone, @Nullable String email) {}

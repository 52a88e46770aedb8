package vn.hoinghi.domain;

/**
 * What the delegate list says of a listed delegate beyond the name: chức vụ, đơn vị and contact. Seen by the
 * moderators and the hosts of the delegate's hall only.
 */
public record DelegateDetails(String participantId, String position, String unit, String phone, String email) {}

package vn.hoinghi.domain;

import java.time.Instant;

/** An invite code: joining with it creates a participant with {@code role} at {@code endpointId}. */
public record Invite(String code, Role role, String endpointId, int maxUses, int uses, Instant expiresAt,
    boolean revoked, String issuedBy) {}

package vn.hoinghi.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that may be null. The wire codec omits null fields, so on the wire such a field may be
 * absent; every other component of a record the server sends (events, views, server messages) is always there, and
 * the protocol schema lists it as required and not null (docs/architecture.md, "Precise types").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Nullable {}

package vn.hoinghi.domain;

/** Điểm cầu Trung ương, cấp tỉnh, cấp xã. A conference has exactly one central endpoint. */
public enum EndpointLevel { CENTRAL, PROVINCIAL, COMMUNE }

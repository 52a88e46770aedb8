package vn.hoinghi.domain;

/** Why somebody asks for the floor. A POINT_OF_ORDER goes to the front of the queue. */
public enum FloorKind { CONTRIBUTION, POINT_OF_ORDER, REPLY }

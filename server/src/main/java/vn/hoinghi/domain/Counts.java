package vn.hoinghi.domain;

/** Counts per choice. */
public record Counts(int agree, int disagree, int other, int total) {

  public static Counts of(int agree, int disagree, int other) {
    return new Counts(agree, disagree, other, agree + disagree + other);
  }
}

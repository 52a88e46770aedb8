package vn.hoinghi.report;

import java.util.List;

/**
 * What the table leaves out: the articles of the reported draft on which no opinion was given, as ranges
 * ("Điều 1", "Điều 3–7"), and the halls that took part (checked in) and gave no opinion.
 */
public record AgreedWithoutRemarks(List<String> articles, List<String> halls) {

  public AgreedWithoutRemarks {
    articles = List.copyOf(articles);
    halls = List.copyOf(halls);
  }
}

package vn.hoinghi.domain;

import java.util.Map;

/** Overall and per-endpoint counts for one article in one vote; the overall numbers are the sum of the endpoints'. */
public record Tally(int agree, int disagree, int other, int total, Map<String, EndpointTally> byEndpoint) {

  public Tally {
    byEndpoint = Map.copyOf(byEndpoint);
  }
}

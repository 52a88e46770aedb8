package vn.hoinghi.http;

/** Reads a request's Accept-Encoding (RFC 9110 §12.5.3): which content codings the client takes. */
final class AcceptEncoding {
  private AcceptEncoding() {}

  /**
   * Whether {@code coding} is acceptable: named with a quality above 0, or not named while {@code *} is. A missing
   * header accepts nothing but the plain bytes here: a client that says nothing gets what every client can read.
   */
  static boolean allows(String header, String coding) {
    if (header == null) return false;
    double named = -1;
    double wildcard = -1;
    for (String part : header.split(",")) {
      String[] fields = part.split(";");
      String name = fields[0].trim();
      double q = 1;
      for (int i = 1; i < fields.length; i++) {
        String p = fields[i].trim();
        if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
          q = quality(p.substring(2));
        }
      }
      if (name.equalsIgnoreCase(coding)) named = Math.max(named, q);
      else if (name.equals("*")) wildcard = Math.max(wildcard, q);
    }
    return named >= 0 ? named > 0 : wildcard > 0;
  }

  private static double quality(String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return 0; // a quality we cannot read does not make a coding acceptable
    }
  }
}

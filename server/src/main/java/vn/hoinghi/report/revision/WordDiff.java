package vn.hoinghi.report.revision;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-by-word comparison of two texts, right for Vietnamese: both are NFC-normalized first (a precomposed "ệ" and
 * "e" + two combining marks are the same letter), a word is a run of letters, combining marks and digits (so
 * diacritics never split a word), every other visible character is a token of its own, and whitespace only separates.
 * The result is a list of segments that, read in order, give the old text (equal + deleted) or the new one (equal +
 * inserted), spacing included.
 */
public final class WordDiff {

  private static final Pattern TOKEN = Pattern.compile("([\\p{L}\\p{M}\\p{N}]+|[^\\s\\p{L}\\p{M}\\p{N}])(\\s*)");
  private static final Pattern LEADING = Pattern.compile("^\\s*");

  private WordDiff() {}

  public enum Op { EQUAL, DELETE, INSERT }

  /** A run of text with what happened to it. */
  public record Segment(Op op, String text) {}

  /** A word or mark with the whitespace after it; compared on {@code word} alone. */
  record Token(String word, String space) {
    String text() {
      return word + space;
    }
  }

  /** The tokens of an NFC-normalized text; leading whitespace is dropped. */
  static List<Token> tokens(String text) {
    String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
    Matcher lead = LEADING.matcher(s);
    int from = lead.find() ? lead.end() : 0;
    List<Token> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(s);
    m.region(from, s.length());
    while (m.find()) {
      out.add(new Token(m.group(1), m.group(2)));
    }
    return out;
  }

  /** The words of a text, as the diff sees them. */
  public static List<String> words(String text) {
    return tokens(text).stream().map(Token::word).toList();
  }

  public static List<Segment> diff(String before, String after) {
    List<Token> a = tokens(before);
    List<Token> b = tokens(after);
    Patch<Token> patch = DiffUtils.diff(a, b, new MyersDiff<>((x, y) -> x.word().equals(y.word())), null, true);
    List<Run> runs = new ArrayList<>();
    for (AbstractDelta<Token> d : patch.getDeltas()) {
      String src = join(d.getSource().getLines());
      String tgt = join(d.getTarget().getLines());
      if (d.getType() == DeltaType.EQUAL) {
        runs.add(new Run(true, src, tgt));
      } else {
        runs.add(new Run(false, src, tgt));
      }
    }
    // A lone mark (a period, a comma) matched between two changes splits one edit in two: fold it into the change,
    // as a reader would see "b) Báo cáo định kỳ." replaced by "3. Gương mẫu chấp hành." rather than pieces of both.
    for (int i = 1; i < runs.size() - 1; i++) {
      Run r = runs.get(i);
      if (r.equal() && !runs.get(i - 1).equal() && !runs.get(i + 1).equal() && !r.tgt().matches("(?s).*[\\p{L}\\p{N}].*")) {
        runs.set(i, new Run(false, r.src(), r.tgt()));
      }
    }
    List<Segment> out = new ArrayList<>();
    StringBuilder del = new StringBuilder();
    StringBuilder ins = new StringBuilder();
    for (Run r : runs) {
      if (r.equal()) {
        flush(out, del, ins);
        out.add(new Segment(Op.EQUAL, r.tgt()));
      } else {
        del.append(r.src());
        ins.append(r.tgt());
      }
    }
    flush(out, del, ins);
    return out;
  }

  private record Run(boolean equal, String src, String tgt) {}

  private static String join(List<Token> tokens) {
    StringBuilder sb = new StringBuilder();
    tokens.forEach(t -> sb.append(t.text()));
    return sb.toString();
  }

  private static void flush(List<Segment> out, StringBuilder del, StringBuilder ins) {
    if (del.length() > 0) out.add(new Segment(Op.DELETE, del.toString()));
    if (ins.length() > 0) out.add(new Segment(Op.INSERT, ins.toString()));
    del.setLength(0);
    ins.setLength(0);
  }

  /** True when the two texts have the same words (spacing and Unicode form aside). */
  public static boolean sameWords(String before, String after) {
    return words(before).equals(words(after));
  }


}

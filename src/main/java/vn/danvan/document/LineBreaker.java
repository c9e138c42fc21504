package vn.danvan.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks a paragraph into lines that fit a width, between words; a word wider than a whole line
 * (a long code or address) is cut between characters.
 */
final class LineBreaker {

  private LineBreaker() {}

  /**
   * @param width available width, in the unit of {@code widthOf}
   * @param widthOf the width of a piece of text in the font that will draw it
   */
  static List<String> wrap(String text, double width, ToDoubleFunction<String> widthOf) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (widthOf.applyAsDouble(candidate) <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (widthOf.applyAsDouble(rest) > width && rest.codePointCount(0, rest.length()) > 1) {
        int cut = longestFittingPrefix(rest, width, widthOf);
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static int longestFittingPrefix(String word, double width, ToDoubleFunction<String> widthOf) {
    int end = word.offsetByCodePoints(0, 1);
    while (end < word.length()) {
      int next = word.offsetByCodePoints(end, 1);
      if (widthOf.applyAsDouble(word.substring(0, next)) > width) {
        break;
      }
      end = next;
    }
    return end;
  }
}

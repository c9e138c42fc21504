package vn.danvan.escalation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.danvan.procedure.WorkingTime;

/**
 * The rungs of one escalation ladder and how long each waits, parsed from the text a diagram gives:
 * {@code "OFFICER 4h, VICE_CHAIRMAN 1d, CHAIRMAN 1d, PROVINCE 2d"}. A rung is one of
 * {@link Rung}, followed by its wait in working hours ({@code 4h}) or working days ({@code 1d}),
 * counted in office time. Rungs go strictly upwards, each at most once, every rung has a wait (the
 * last one's end is when the ladder records that it ran out). Anything else is refused with the
 * rung's position and what is wrong.
 */
public record LadderSpec(List<Step> rungs) {

  /** One rung and its wait. */
  public record Step(Rung rung, WorkingTime duration) {}

  private static final Pattern RUNG = Pattern.compile("([A-Za-z_]+)\\s+([0-9]{1,3})\\s*([hd])");

  public LadderSpec {
    rungs = List.copyOf(rungs);
  }

  /**
   * @throws InvalidLadderException naming the rung (1-based) and the problem
   */
  public static LadderSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidLadderException("the ladder is empty; write e.g. \"OFFICER 4h, VICE_CHAIRMAN 1d, CHAIRMAN 1d, PROVINCE 2d\"");
    }
    List<Step> steps = new ArrayList<>();
    String[] parts = text.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      String where = "rung " + (i + 1) + " '" + part + "'";
      Matcher m = RUNG.matcher(part);
      if (!m.matches()) {
        throw new InvalidLadderException(where + ": expected a rung and its wait, e.g. 'CHAIRMAN 1d' (h = working hours, d = working days)");
      }
      Rung rung;
      try {
        rung = Rung.valueOf(m.group(1).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidLadderException(where + ": unknown rung '" + m.group(1) + "' (one of "
            + Arrays.toString(Rung.values()) + ")");
      }
      int amount = Integer.parseInt(m.group(2));
      if (amount == 0) {
        throw new InvalidLadderException(where + ": the wait must be longer than zero");
      }
      if (!steps.isEmpty() && steps.get(steps.size() - 1).rung().ordinal() >= rung.ordinal()) {
        throw new InvalidLadderException(where + ": rungs go upwards, each once (" + Arrays.toString(Rung.values()) + ")");
      }
      steps.add(new Step(rung, new WorkingTime(amount,
          m.group(3).equals("h") ? WorkingTime.Unit.WORKING_HOURS : WorkingTime.Unit.WORKING_DAYS)));
    }
    return new LadderSpec(steps);
  }

  /** A refused ladder text. */
  public static final class InvalidLadderException extends IllegalArgumentException {
    InvalidLadderException(String message) {
      super("Escalation ladder: " + message);
    }
  }
}

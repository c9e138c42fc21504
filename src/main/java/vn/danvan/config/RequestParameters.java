package vn.danvan.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parsing of query parameters shared by our controllers, refusing bad values with a 400 naming them. */
public final class RequestParameters {

  private RequestParameters() {}

  /**
   * An ISO date-time with offset. An unencoded '+' in a query string arrives as a space:
   * "10:00:00 07:00" means "+07:00".
   *
   * @param example shown in the error, e.g. {@code 2026-02-13T10:00:00+07:00}
   */
  public static Instant offsetDateTime(String name, String text, String example) {
    try {
      return OffsetDateTime.parse(text.strip().replace(' ', '+')).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name, "Invalid '" + name + "' '" + text + "': expected an ISO date-time"
          + " with offset, e.g. " + example);
    }
  }
}

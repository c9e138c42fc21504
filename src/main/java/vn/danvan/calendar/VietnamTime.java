package vn.danvan.calendar;

import java.time.ZoneId;

/** The one time zone every deadline is computed in, whatever the machine's default is. */
public final class VietnamTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private VietnamTime() {}
}

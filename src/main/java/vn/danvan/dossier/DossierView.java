package vn.danvan.dossier;

import java.util.List;

/**
 * A dossier as its unit's officials and auditors read it: register, documents and trail; no ID
 * number, no phone number. {@code satisfaction} is what the officer recorded at the return step,
 * {@code citizenRating} what the citizen gave on the public page; both are kept.
 */
record DossierView(String code, String unit, String procedureCode, String procedureName, String state,
    String stateLabel, String receivedAt, String appointmentAt, String firstAppointmentAt, boolean appointmentMoved,
    String resultReadyAt, String returnedAt, String outcome, Integer satisfaction, Integer citizenRating, String citizenRatedAt,
    List<Document> documents,
    List<Event> events, Clock clock) {

  /** A document of the dossier; {@code title} as printed on it ("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"). */
  record Document(String id, String kind, String number, String state, String title) {}

  /**
   * The dossier's case clock, the source of its appointment: state ({@code RUNNING}, {@code PAUSED},
   * {@code STOPPED}) and its Vietnamese label, the deadline (ISO and Vietnamese), since when it is
   * paused, extensions used and allowed, the rule version. Null before the dossier is complete.
   */
  record Clock(String state, String stateLabel, String deadlineAt, String deadlineText, String pausedAt,
      int extensionsUsed, int maxExtensions, String ruleVersion) {}

  /**
   * A trail entry: {@code type} and ISO {@code occurredAt} for clients, {@code typeLabel} and
   * {@code occurredAtText} (Vietnamese, local time) for people.
   */
  record Event(String occurredAt, String occurredAtText, String type, String typeLabel, String actor, String detail,
      String step, String ruleVersion) {}
}

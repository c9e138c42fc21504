package vn.danvan.dossier;

import java.util.List;

/**
 * A dossier as its unit's officials and auditors read it: register, documents and trail; no ID
 * number, no phone number.
 */
record DossierView(String code, String unit, String procedureCode, String procedureName, String state,
    String stateLabel, String receivedAt, String appointmentAt, String firstAppointmentAt, boolean appointmentMoved,
    String resultReadyAt, String returnedAt, String outcome, Integer satisfaction, List<Document> documents,
    List<Event> events) {

  record Document(String id, String kind, String number, String state) {}

  record Event(String occurredAt, String type, String actor, String detail) {}
}

package vn.danvan.procedure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.calendar.CalendarProperties;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.calendar.WorkCalendar;
import vn.danvan.config.ApiError;
import vn.danvan.config.BadRequestException;
import vn.danvan.config.RequestParameters;

/**
 * {@code GET /api/procedures}: the procedure catalogue as officials and citizens read it, and
 * {@code GET /api/procedures/{code}/appointment}: the appointment a receipt at a given moment would
 * give, for the receiving officer's screen and for process owners checking the table.
 */
@RestController
@RequestMapping("/api/procedures")
class ProcedureController {

  private final ProcedureCatalogue catalogue;
  private final AppointmentCalculator calculator;
  private final CalendarProperties calendarProperties;

  ProcedureController(ProcedureCatalogue catalogue, AppointmentCalculator calculator, CalendarProperties calendarProperties) {
    this.catalogue = catalogue;
    this.calculator = calculator;
    this.calendarProperties = calendarProperties;
  }

  /** The procedures in force on {@code on} (default: today in Vietnam). */
  @GetMapping
  List<ProcedureSummary> list(@RequestParam(required = false) String on) {
    LocalDate date = on == null ? LocalDate.now(VietnamTime.ZONE) : parseDate(on);
    return catalogue.all(date).stream().map(p -> summary(p, date)).toList();
  }

  @GetMapping("/{code}/appointment")
  Appointment appointment(@PathVariable String code, @RequestParam String receivedAt,
      @RequestParam(defaultValue = "false") boolean verificationNeeded,
      @RequestParam(required = false) String channel) {
    Instant received = RequestParameters.offsetDateTime("receivedAt", receivedAt, "2026-04-23T16:10:00+07:00");
    Channel via = parseChannel(channel);
    Instant accepted = calculator.acceptedAt(received, via);
    LocalDate acceptedOn = WorkCalendar.dateOf(accepted);
    Procedure procedure = catalogue.find(code, acceptedOn, verificationNeeded)
        .orElseThrow(() -> new UnknownProcedureException(catalogue.knows(code)
            ? "Procedure '" + code + "' has no rule in force for dossiers accepted on " + acceptedOn
            : "Unknown procedure '" + code + "'"));
    return new Appointment(procedure.code(), procedure.name(), VietnamTime.iso(received), VietnamTime.iso(accepted),
        VietnamTime.iso(calculator.appointment(procedure, received, via)), describe(procedure), via, verificationNeeded);
  }

  @ExceptionHandler(UnknownProcedureException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  ApiError unknownProcedure(UnknownProcedureException e) {
    return new ApiError(e.getMessage(), "code");
  }

  /** A table deployed with a broken row: tell the process owner which row, rather than a bare 500. */
  @ExceptionHandler(InvalidCatalogueException.class)
  @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
  ApiError invalidCatalogue(InvalidCatalogueException e) {
    return ApiError.of(e.getMessage());
  }

  private ProcedureSummary summary(Procedure procedure, LocalDate on) {
    String withVerification = catalogue.find(procedure.code(), on, true)
        .filter(v -> !v.deadline().equals(procedure.deadline()))
        .map(this::describe).orElse(null);
    return new ProcedureSummary(procedure.code(), procedure.name(), procedure.competentLevel(), describe(procedure),
        withVerification, procedure.legalBasis(), procedure.sourceTag(), procedure.effectiveFrom().toString());
  }

  private String describe(Procedure procedure) {
    return procedure.deadline().describe(calendarProperties.sameDayCutoff());
  }

  private static Channel parseChannel(String text) {
    if (text == null) {
      return Channel.COUNTER;
    }
    try {
      return Channel.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("channel", "Invalid 'channel' '" + text + "': expected COUNTER, ONLINE or POSTAL");
    }
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestException("on", "Invalid 'on' '" + text + "': expected an ISO date, e.g. 2026-04-23");
    }
  }

  /** A line of the catalogue; {@code deadlineIfVerificationNeeded} only where verification changes the deadline. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProcedureSummary(String code, String name, CompetentLevel competentLevel, String deadline,
      String deadlineIfVerificationNeeded, String legalBasis, String sourceTag, String effectiveFrom) {}

  /** The answer: receipt, acceptance and appointment as ISO date-times in Vietnam time (+07:00). */
  record Appointment(String code, String name, String receivedAt, String acceptedAt, String appointmentAt,
      String deadline, Channel channel, boolean verificationNeeded) {}

  /** No row of the catalogue for the requested code (on the acceptance date). */
  static final class UnknownProcedureException extends RuntimeException {
    UnknownProcedureException(String message) {
      super(message);
    }
  }
}

package vn.danvan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.danvan.calendar.WorkCalendarTest.vn;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.SimpleResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code workCalendar} facade as BPMN expressions call it: Date in, Date out. */
class CalendarExpressionsTest {

  static CalendarExpressions workCalendar;

  @BeforeAll
  static void setUp() {
    workCalendar = new CalendarExpressions(new WorkCalendar(new HolidayLoader().load(null), CalendarProperties.defaults()));
  }

  @Test
  void plusWorkingDaysTakesAndReturnsDate() {
    Date due = workCalendar.plusWorkingDays(Date.from(vn("2026-02-13T10:00")), 1);

    assertThat(due).isEqualTo(Date.from(vn("2026-02-23T17:00")));
  }

  @Test
  void plusCalendarDaysTakesDate() {
    assertThat(workCalendar.plusCalendarDays(Date.from(vn("2026-02-06T10:00")), 10)).isEqualTo(Date.from(vn("2026-02-23T17:00")));
  }

  @Test
  void sameDayDueTakesDate() {
    assertThat(workCalendar.sameDayDue(Date.from(vn("2026-04-23T16:10")))).isEqualTo(Date.from(vn("2026-04-24T17:00")));
  }

  @Test
  void isWorkingDayTakesDateAndLocalDate() {
    assertThat(workCalendar.isWorkingDay(Date.from(vn("2026-02-17T10:00")))).isFalse();
    assertThat(workCalendar.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
  }

  @Test
  void acceptsJavaTimeValuesSqlTimestampsAndIsoStrings() {
    Date expected = Date.from(vn("2026-02-23T17:00"));
    assertThat(workCalendar.plusWorkingDays(vn("2026-02-13T10:00"), 1)).isEqualTo(expected);
    assertThat(workCalendar.plusWorkingDays(OffsetDateTime.of(2026, 2, 13, 3, 0, 0, 0, ZoneOffset.UTC), 1)).isEqualTo(expected);
    assertThat(workCalendar.plusWorkingDays(vn("2026-02-13T10:00").atZone(VietnamTime.ZONE), 1)).isEqualTo(expected);
    assertThat(workCalendar.plusWorkingDays(new java.sql.Timestamp(vn("2026-02-13T10:00").toEpochMilli()), 1)).isEqualTo(expected);
    assertThat(workCalendar.plusWorkingDays(new java.sql.Date(vn("2026-02-13T10:00").toEpochMilli()), 1)).isEqualTo(expected);
    assertThat(workCalendar.plusWorkingDays("2026-02-13T10:00:00+07:00", 1)).isEqualTo(expected);
    assertThat(workCalendar.plusWorkingDays("2026-02-13T03:00:00Z", 1)).isEqualTo(expected);
    assertThat(workCalendar.plusWorkingDays("2026-02-13T10:00", 1)).isEqualTo(expected); // Vietnam local time
    assertThat(workCalendar.plusWorkingDays("2026-02-13", 1)).isEqualTo(expected);
  }

  @Test
  void refusesNullAndUnknownValues() {
    assertThatThrownBy(() -> workCalendar.plusWorkingDays(null, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> workCalendar.plusWorkingDays("tomorrow", 1)).hasMessageContaining("tomorrow");
    assertThatThrownBy(() -> workCalendar.plusWorkingDays(42L, 1)).hasMessageContaining("java.lang.Long");
  }

  @Test
  void noOverloadedMethodNamesBecauseJuelPicksBadly() {
    var publicMethods = Arrays.stream(CalendarExpressions.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).collect(Collectors.toList());

    assertThat(publicMethods).doesNotHaveDuplicates()
        .containsExactlyInAnyOrder("plusWorkingDays", "plusCalendarDays", "sameDayDue", "isWorkingDay");
    assertThat(Modifier.isPublic(CalendarExpressions.class.getModifiers())).isTrue();
  }

  @Test
  void worksInCamundasJuelWithIntegerLiteralsAndDateVariables() {
    var factory = new ExpressionFactoryImpl();
    var context = new SimpleContext(new SimpleResolver());
    context.setVariable("workCalendar", factory.createValueExpression(workCalendar, CalendarExpressions.class));
    context.setVariable("received", factory.createValueExpression(Date.from(vn("2026-02-13T10:00")), Date.class));

    Object due = factory.createValueExpression(context, "${workCalendar.plusWorkingDays(received, 1)}", Object.class).getValue(context);
    Object working = factory.createValueExpression(context, "${workCalendar.isWorkingDay(received)}", Object.class).getValue(context);

    assertThat(due).isEqualTo(Date.from(vn("2026-02-23T17:00")));
    assertThat(working).isEqualTo(true);
  }
}

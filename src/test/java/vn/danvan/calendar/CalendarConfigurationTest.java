package vn.danvan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.calendar.WorkCalendarTest.vn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;

/** Bean names and property binding of the calendar, in a minimal Spring context (no engine, no web). */
class CalendarConfigurationTest {

  @Configuration
  @EnableConfigurationProperties(CalendarProperties.class)
  @Import({CalendarConfiguration.class, CalendarExpressions.class})
  static class CalendarOnly {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(CalendarOnly.class);

  @Test
  void defaultsWithoutAnyProperty() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().hasBean("workCalendar").hasBean("workingDayCalendar");
      assertThat(context.getBean("workCalendar")).isInstanceOf(CalendarExpressions.class);
      assertThat(context.getBean("workingDayCalendar")).isInstanceOf(WorkCalendar.class);
      CalendarProperties properties = context.getBean(CalendarProperties.class);
      assertThat(properties).isEqualTo(CalendarProperties.defaults());
      assertThat(properties.holidaysPath()).isEqualTo(Path.of("./config/holidays"));
      assertThat(properties.officeHours().afternoonEnd()).isEqualTo(LocalTime.of(17, 0));
      assertThat(properties.sameDayCutoff()).isEqualTo(LocalTime.of(15, 0));
    });
  }

  @Test
  void officeHoursAndCutoffBindFromProperties() {
    runner.withPropertyValues("danvan.calendar.office-hours.morning-start=08:00", "danvan.calendar.office-hours.afternoon-end=16:30",
        "danvan.calendar.same-day-cutoff=14:00").run(context -> {
          CalendarProperties properties = context.getBean(CalendarProperties.class);
          assertThat(properties.officeHours().morningStart()).isEqualTo(LocalTime.of(8, 0));
          assertThat(properties.officeHours().morningEnd()).isEqualTo(LocalTime.of(11, 30));
          assertThat(properties.officeHours().afternoonEnd()).isEqualTo(LocalTime.of(16, 30));
          WorkCalendar calendar = context.getBean(WorkCalendar.class);
          assertThat(calendar.sameDayDue(vn("2026-04-23T14:30"))).isEqualTo(vn("2026-04-24T16:30"));
        });
  }

  @Test
  void malformedOperatorFileStopsStartup(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("2026.csv"), "2026-01-01,HOLIDAY,Tết Dương lịch\n2026-01-02,DAY_OFF,X\n");
    runner.withPropertyValues("danvan.calendar.holidays-dir=" + dir).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(HolidayFileException.class)
          .hasMessageContaining("2026.csv, line 2: unknown kind 'DAY_OFF'");
    });
  }

  @Test
  void disorderedOfficeHoursStopStartup() {
    runner.withPropertyValues("danvan.calendar.office-hours.morning-end=14:00").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("danvan.calendar.office-hours must be ordered");
    });
  }

  @Test
  void applicationYamlBindsToTheDefaults() {
    runner.withInitializer(context -> {
      try {
        new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
            .forEach(source -> context.getEnvironment().getPropertySources().addLast(source));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).run(context -> {
      assertThat(context).hasNotFailed();
      CalendarProperties properties = context.getBean(CalendarProperties.class);
      assertThat(properties.officeHours()).isEqualTo(CalendarProperties.OfficeHours.defaults());
      assertThat(properties.sameDayCutoff()).isEqualTo(LocalTime.of(15, 0));
    });
  }
}

package vn.danvan.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the holiday files at startup and exposes the typed calendar as bean {@code workingDayCalendar}. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  @Bean
  HolidayTable holidayTable(CalendarProperties properties) {
    return new HolidayLoader().load(properties.holidaysPath());
  }

  /** Not named {@code workCalendar}: that name belongs to the expression facade used in BPMN. */
  @Bean
  WorkCalendar workingDayCalendar(HolidayTable holidayTable, CalendarProperties properties) {
    return new WorkCalendar(holidayTable, properties);
  }
}

package vn.danvan.calendar;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import vn.danvan.config.ApiExceptionHandler;

/** {@code GET /api/calendar/due}, with the shared error handler, without the authentication filter. */
class CalendarControllerTest {

  static MockMvc mvc;

  @BeforeAll
  static void setUp() {
    var calendar = new WorkCalendar(new HolidayLoader().load(null), CalendarProperties.defaults());
    mvc = MockMvcBuilders.standaloneSetup(new CalendarController(calendar)).setControllerAdvice(new ApiExceptionHandler()).build();
  }

  @Test
  void workingDaysFromBeforeTet() throws Exception {
    mvc.perform(get("/api/calendar/due").param("from", "2026-02-13T10:00:00+07:00").param("workingDays", "1"))
        .andExpect(status().isOk())
        .andExpect(content().json("""
            {"from": "2026-02-13T10:00:00+07:00", "workingDays": 1, "due": "2026-02-23T17:00:00+07:00"}""", true));
  }

  @Test
  void calendarDaysRollOverTetAndRenderInVietnamTime() throws Exception {
    mvc.perform(get("/api/calendar/due").param("from", "2026-02-06T03:00:00Z").param("calendarDays", "10"))
        .andExpect(status().isOk())
        .andExpect(content().json("""
            {"from": "2026-02-06T10:00:00+07:00", "calendarDays": 10, "due": "2026-02-23T17:00:00+07:00"}""", true));
  }

  @Test
  void unencodedPlusInOffsetIsAccepted() throws Exception {
    // A browser address bar sends "+07:00" unencoded; the servlet container decodes it to " 07:00".
    mvc.perform(get("/api/calendar/due?from=2026-04-29T09:00:00+07:00&workingDays=2"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.due").value("2026-05-05T17:00:00+07:00"));
  }

  @Test
  void zeroDaysIsAllowed() throws Exception {
    mvc.perform(get("/api/calendar/due").param("from", "2026-02-17T10:00:00+07:00").param("workingDays", "0"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.due").value("2026-02-23T17:00:00+07:00"));
  }

  @ParameterizedTest(name = "{0} -> field {1}")
  @CsvSource(delimiter = '|', textBlock = """
      workingDays=3                                                   | from
      from=&workingDays=3                                             | from
      from=2026-02-13&workingDays=3                                   | from
      from=2026-02-13T10:00:00&workingDays=3                          | from
      from=yesterday&workingDays=3                                    | from
      from=2026-02-13T10:00:00%2B07:00                                | workingDays
      from=2026-02-13T10:00:00%2B07:00&workingDays=1&calendarDays=1   | workingDays
      from=2026-02-13T10:00:00%2B07:00&workingDays=-1                 | workingDays
      from=2026-02-13T10:00:00%2B07:00&workingDays=3651               | workingDays
      from=2026-02-13T10:00:00%2B07:00&workingDays=three              | workingDays
      from=2026-02-13T10:00:00%2B07:00&workingDays=1.5                | workingDays
      from=2026-02-13T10:00:00%2B07:00&calendarDays=-2                | calendarDays
      from=2026-02-13T10:00:00%2B07:00&calendarDays=x                 | calendarDays
      """)
  void badParametersAnswer400NamingTheField(String query, String field) throws Exception {
    // A URI, not a template: the %2B of the offset must reach the controller as "+".
    mvc.perform(get(URI.create("/api/calendar/due?" + query)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.error").isNotEmpty());
  }
}

package vn.danvan;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.danvan.calendar.VietnamTime;

/** Entry point: one Spring Boot application embedding the Camunda engine, its REST API and webapps. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DanvanApplication {

  public static void main(String[] args) {
    // Camunda captures the JVM default zone when its classes load; pin it before anything else runs.
    TimeZone.setDefault(TimeZone.getTimeZone(VietnamTime.ZONE));
    SpringApplication.run(DanvanApplication.class, args);
  }
}

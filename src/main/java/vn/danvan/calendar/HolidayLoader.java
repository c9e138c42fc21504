package vn.danvan.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Loads the holiday files: first the bundled {@code classpath:calendar/holidays/<year>.csv}, then
 * the operator folder ({@code danvan.calendar.holidays-dir}), whose file for a year replaces the
 * bundled one or adds a year. This lets an operator apply the Prime Minister's yearly decision
 * without a rebuild. Any malformed file stops loading with a {@link HolidayFileException}.
 */
final class HolidayLoader {

  static final String BUNDLED_LOCATION = "classpath*:calendar/holidays/*.csv";

  private static final Logger LOG = LoggerFactory.getLogger(HolidayLoader.class);

  private final ResourcePatternResolver resolver;

  HolidayLoader(ResourcePatternResolver resolver) {
    this.resolver = resolver;
  }

  HolidayLoader() {
    this(new PathMatchingResourcePatternResolver(HolidayLoader.class.getClassLoader()));
  }

  HolidayTable load(Path operatorDir) {
    Map<Integer, HolidayYear> years = new TreeMap<>();
    for (HolidayYear year : bundled()) {
      years.put(year.year(), year);
      log("Loaded bundled holiday file", year);
    }
    for (HolidayYear year : operatorFiles(operatorDir)) {
      HolidayYear replaced = years.put(year.year(), year);
      log(replaced == null ? "Loaded operator holiday file (new year)" : "Loaded operator holiday file (replaces bundled "
          + replaced.source() + ")", year);
    }
    years.values().stream().filter(y -> !y.unconfirmedDates().isEmpty()).forEach(y -> LOG.warn(
        "Holiday calendar {} has unconfirmed days {} ({}): check the official announcement and correct the file",
        y.year(), y.unconfirmedDates(), y.source()));
    LOG.info("Work calendar covers the years {}; other years count weekends only", years.keySet());
    return new HolidayTable(years);
  }

  private List<HolidayYear> bundled() {
    try {
      Resource[] resources = resolver.getResources(BUNDLED_LOCATION);
      Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
      return Arrays.stream(resources).map(this::readBundled).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the bundled holiday files " + BUNDLED_LOCATION, e);
    }
  }

  private HolidayYear readBundled(Resource resource) {
    String source = "classpath:calendar/holidays/" + resource.getFilename();
    int year = HolidayFileParser.yearOf(resource.getFilename(), source);
    try {
      String text = new String(resource.getContentAsByteArray(), StandardCharsets.UTF_8);
      return HolidayFileParser.parse(source, year, text.lines().toList());
    } catch (IOException e) {
      throw new HolidayFileException(source, "cannot be read", e);
    }
  }

  private List<HolidayYear> operatorFiles(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      LOG.info("No operator holiday folder at {}; using the bundled holiday files only",
          dir == null ? "(not set)" : dir.toAbsolutePath().normalize());
      return List.of();
    }
    if (!Files.isDirectory(dir)) {
      throw new HolidayFileException(dir.toAbsolutePath().toString(), "danvan.calendar.holidays-dir is not a folder");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".csv") && Files.isRegularFile(f))
          .sorted().map(this::readOperatorFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the operator holiday folder " + dir.toAbsolutePath(), e);
    }
  }

  private HolidayYear readOperatorFile(Path file) {
    String source = file.toAbsolutePath().normalize().toString();
    int year = HolidayFileParser.yearOf(file.getFileName().toString(), source);
    try {
      return HolidayFileParser.parse(source, year, Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (CharacterCodingException e) {
      throw new HolidayFileException(source, "is not valid UTF-8", e);
    } catch (IOException e) {
      throw new HolidayFileException(source, "cannot be read", e);
    }
  }

  private static void log(String what, HolidayYear year) {
    LOG.info("{} {}: year {}, {} days off, {} swapped working days", what, year.source(), year.year(),
        year.count(CalendarEntry.Kind.HOLIDAY), year.count(CalendarEntry.Kind.WORKING_DAY));
  }
}

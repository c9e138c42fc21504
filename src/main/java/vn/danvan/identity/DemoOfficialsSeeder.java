package vn.danvan.identity;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: records each demo unit's parent and officials from {@code demo/identity.yaml}
 * through {@link UnitOfficials}, as an administrator would through the units API, for units that
 * have no record yet (so changes made through the API survive a restart). Runs once the
 * application has started: the tenants and users exist by then ({@link DemoIdentitySeeder}).
 */
@Component
@Profile("demo")
// before the demo dossiers (dossier.DemoDossierSeeder, 200), whose codes need the agency codes
@Order(100)
class DemoOfficialsSeeder implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoOfficialsSeeder.class);
  static final String ACTOR = "demo-seed";

  private final UnitOfficials officials;

  DemoOfficialsSeeder(UnitOfficials officials) {
    this.officials = officials;
  }

  @Override
  public void run(ApplicationArguments args) {
    DemoIdentity demo = DemoIdentity.load();
    int seeded = 0;
    for (DemoIdentity.Unit unit : demo.units()) {
      if (officials.profile(unit.id()).isPresent()) {
        // a demo ./data made before units had agency codes gets the demo's code, never replacing one set in the API
        if (unit.agencyCode() != null && officials.agencyCodeIfMissing(unit.id(), unit.agencyCode())) {
          LOG.info("Demo profile: recorded the agency code of unit {}", unit.id());
        }
        continue;
      }
      officials.replace(unit.id(), change(unit, demo.users()), ACTOR);
      seeded++;
    }
    if (seeded > 0) {
      LOG.info("Demo profile: recorded the parent and officials of {} units", seeded);
    }
  }

  static UnitChange change(DemoIdentity.Unit unit, List<DemoIdentity.DemoUser> users) {
    UnitChange.Appointment chairman = null;
    UnitChange.Appointment acting = null;
    List<UnitChange.Appointment> vices = new ArrayList<>();
    for (DemoIdentity.DemoUser user : users) {
      if (user.position() == null || !user.unit().equals(unit.id())) {
        continue;
      }
      UnitChange.Appointment appointment = new UnitChange.Appointment(user.id(), user.title());
      switch (OfficialPosition.valueOf(user.position())) {
        case CHAIRMAN -> chairman = appointment;
        case VICE_CHAIRMAN -> vices.add(appointment);
        case ACTING_CHAIRMAN -> acting = appointment;
      }
    }
    return new UnitChange(unit.parent(), chairman, vices, acting, null, unit.agencyCode());
  }
}

package vn.danvan.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: creates the demo units (tenants), officials and their memberships if they do
 * not exist yet. Runs after {@link IdentitySeeder} has created the role groups.
 */
@Component
@Profile("demo")
@Order(100)
class DemoIdentitySeeder implements EngineSeed {

  private static final Logger LOG = LoggerFactory.getLogger(DemoIdentitySeeder.class);

  @Override
  public void seed(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    DemoIdentity demo = DemoIdentity.load();
    int created = 0;
    for (DemoIdentity.Unit unit : demo.units()) {
      if (identity.createTenantQuery().tenantId(unit.id()).count() == 0) {
        Tenant tenant = identity.newTenant(unit.id());
        tenant.setName(unit.name());
        identity.saveTenant(tenant);
      }
    }
    for (DemoIdentity.DemoUser demoUser : demo.users()) {
      if (identity.createUserQuery().userId(demoUser.id()).count() > 0) {
        continue;
      }
      User user = identity.newUser(demoUser.id());
      user.setFirstName(demoUser.first());
      user.setLastName(demoUser.last());
      user.setEmail(demoUser.id() + "@demo.danvan.vn");
      user.setPassword(DemoIdentity.PASSWORD);
      identity.saveUser(user);
      demoUser.groups().forEach(group -> identity.createMembership(demoUser.id(), group));
      demoUser.allUnits().forEach(unit -> identity.createTenantUserMembership(unit, demoUser.id()));
      created++;
    }
    if (created > 0) {
      LOG.info("Demo profile: created {} demo users in {} units (password 'demo')", created, demo.units().size());
    }
  }
}

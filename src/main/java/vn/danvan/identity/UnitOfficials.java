package vn.danvan.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.danvan.config.BadRequestException;
import vn.danvan.config.KeptBriefly;

/**
 * Who holds which post in a unit, and which unit is above it: the one answer for documents (the
 * header's parent body, the signer's capacity), escalation (the chairman who directs a late
 * dossier) and courtesy letters. Units, users and memberships are Camunda's (tenants, users,
 * groups); the parent and the positions are the app's table {@code dv_unit_official}.
 *
 * <p>Reads are made without the caller's authentication, as {@link UnitNames} does: a delegate
 * signing a document needs the unit's chairman whatever the current user may see in Admin. A
 * recorded official counts only while they are still a leader and a member of the unit, so removing
 * someone from the tenant in Camunda Admin also ends their signing capacity.
 */
@Service
public class UnitOfficials {

  private static final Logger LOG = LoggerFactory.getLogger(UnitOfficials.class);
  static final int MAX_TITLE = 200;
  /**
   * An agency code of Circular 10/2016/TT-BTTTT: four groups of 3, 2, 2 and 3 characters (digits
   * and capital letters, the last a level-1 code such as {@code H48}) separated by dots.
   */
  static final Pattern AGENCY_CODE =
      Pattern.compile("[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9A-Z]{2}");

  private final UnitOfficialsRepository repository;
  private final IdentityService identity;
  private final KeptBriefly<Optional<UnitProfile>> profiles;
  private final KeptBriefly<Optional<String>> names;

  UnitOfficials(UnitOfficialsRepository repository, IdentityService identity, IdentityChanges identityChanges,
      @Value("${danvan.performance.unit-cache:PT30S}") Duration unitCache) {
    this.repository = repository;
    this.identity = identity;
    this.profiles = new KeptBriefly<>(unitCache, System::nanoTime);
    this.names = new KeptBriefly<>(unitCache, System::nanoTime, identityChanges::generation);
  }

  /** The unit above {@code unit}, if one is recorded. */
  @Transactional(readOnly = true)
  public Optional<String> parent(String unit) {
    return profile(unit).map(UnitProfile::parent);
  }

  /** The unit's chairman, if the post is filled by a current leader of the unit. */
  @Transactional(readOnly = true)
  public Optional<String> chairman(String unit) {
    return holder(unit, OfficialPosition.CHAIRMAN);
  }

  /**
   * Who heads the unit now: the acting chairman while there is one, else the chairman. Late
   * dossiers go to them and they sign the courtesy letters.
   */
  @Transactional(readOnly = true)
  public Optional<String> head(String unit) {
    return holder(unit, OfficialPosition.ACTING_CHAIRMAN).or(() -> holder(unit, OfficialPosition.CHAIRMAN));
  }

  /** The position {@code userId} holds in {@code unit}; empty for an official without one. */
  @Transactional(readOnly = true)
  public Optional<OfficialPosition> position(String unit, String userId) {
    return official(unit, userId).map(UnitOfficial::position);
  }

  /** The official with their title, if {@code userId} holds a position in {@code unit}. */
  @Transactional(readOnly = true)
  public Optional<UnitOfficial> official(String unit, String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return profile(unit).flatMap(p -> p.officials().stream().filter(o -> o.userId().equals(userId)).findFirst())
        .filter(o -> stillServes(unit, o));
  }

  /** The unit's recorded description, empty (no parent, no officials) if none is recorded yet. */
  @Transactional(readOnly = true)
  public Optional<UnitProfile> profile(String unit) {
    if (unit == null || unit.isBlank()) {
      return Optional.empty();
    }
    return profiles.get(unit, () -> repository.find(unit));
  }

  /** The contact phone the unit's letters to citizens print, if one is recorded. */
  @Transactional(readOnly = true)
  public Optional<String> contactPhone(String unit) {
    return profile(unit).map(UnitProfile::contactPhone);
  }

  /** The agency code that starts the unit's dossier codes, if one is recorded. */
  @Transactional(readOnly = true)
  public Optional<String> agencyCode(String unit) {
    return profile(unit).map(UnitProfile::agencyCode);
  }

  /**
   * Records an agency code for a unit that is recorded without one (demo seeding); a code set by an
   * administrator is never replaced.
   */
  @Transactional
  public boolean agencyCodeIfMissing(String unit, String agencyCode) {
    if (!AGENCY_CODE.matcher(agencyCode).matches() || repository.unitWithAgencyCode(agencyCode).isPresent()) {
      return false;
    }
    profiles.written();
    return repository.agencyCodeIfMissing(unit, agencyCode);
  }

  /**
   * The user's name as a signature or a document shows it ("Phạm Thị Hoa"), if the user exists; kept
   * briefly ({@link KeptBriefly}); a rename in Camunda Admin counts at once on this node
   * ({@link IdentityChanges}), on other nodes within the unit cache's time.
   */
  public Optional<String> fullName(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return names.get(userId, () -> unauthenticated(() -> Optional.ofNullable(identity.createUserQuery().userId(userId)
        .singleResult()).map(u -> ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
            + (u.getLastName() == null ? "" : u.getLastName())).trim())
        .filter(name -> !name.isEmpty())), Optional::isPresent);
  }

  /** Whether {@code unit} is a Camunda tenant. */
  public boolean unitExists(String unit) {
    return unit != null && unauthenticated(() -> identity.createTenantQuery().tenantId(unit).count() > 0);
  }

  /**
   * Replaces what is recorded about the unit, all or nothing.
   *
   * @throws BadRequestException naming the field ({@code parent}, {@code chairman.userId},
   *     {@code viceChairmen[1].userId}, …) of an unknown unit or user, a user who is not a member of
   *     the unit or not a leader, a user named twice, or a parent that would make a cycle
   */
  @Transactional
  public UnitProfile replace(String unit, UnitChange change, String actor) {
    if (change == null) {
      throw new BadRequestException(null, "A unit description is required");
    }
    String parent = blankToNull(change.parent());
    if (parent != null) {
      if (!unitExists(parent)) {
        throw new BadRequestException("parent", "Unknown unit '" + parent + "'");
      }
      if (aboveOrSame(unit, parent)) {
        throw new BadRequestException("parent", "Unit '" + parent + "' is '" + unit + "' itself or below it");
      }
    }
    List<UnitOfficial> officials = new ArrayList<>();
    Set<String> named = new HashSet<>();
    appoint(unit, change.chairman(), OfficialPosition.CHAIRMAN, "chairman", officials, named);
    for (int i = 0; i < change.viceChairmen().size(); i++) {
      String field = "viceChairmen[" + i + "]";
      if (change.viceChairmen().get(i) == null) {
        throw new BadRequestException(field, "A vice-chairman needs a userId");
      }
      appoint(unit, change.viceChairmen().get(i), OfficialPosition.VICE_CHAIRMAN, field, officials, named);
    }
    appoint(unit, change.actingChairman(), OfficialPosition.ACTING_CHAIRMAN, "actingChairman", officials, named);
    String phone = blankToNull(change.contactPhone());
    if (phone != null) {
      phone = phone.strip();
      // the shape only, and the value is not echoed: a 400 names the field
      if (!phone.matches("\\+?[0-9][0-9 .()-]{5,30}")) {
        throw new BadRequestException("contactPhone", "Not a phone number (digits, spaces, dots, dashes; up to 32 characters)");
      }
    }
    String agencyCode = blankToNull(change.agencyCode());
    if (agencyCode != null) {
      agencyCode = agencyCode.toUpperCase(Locale.ROOT);
      if (!AGENCY_CODE.matcher(agencyCode).matches()) {
        throw new BadRequestException("agencyCode",
            "Not an agency code of Circular 10/2016/TT-BTTTT (four groups of 3, 2, 2 and 3 digits or letters joined by"
            + " dots, e.g. 000.00.31.H48)");
      }
      Optional<String> holder = repository.unitWithAgencyCode(agencyCode);
      if (holder.isPresent() && !holder.get().equals(unit)) {
        throw new BadRequestException("agencyCode", "Unit '" + holder.get() + "' already has this agency code");
      }
    }
    UnitProfile profile = new UnitProfile(unit, parent, officials, phone, agencyCode);
    profiles.written();
    repository.replace(profile, actor, Instant.now());
    LOG.info("Unit {}: parent {}, {} officials recorded by {}", unit, parent, officials.size(), actor);
    return profile;
  }

  private void appoint(String unit, UnitChange.Appointment appointment, OfficialPosition position, String field,
      List<UnitOfficial> officials, Set<String> named) {
    if (appointment == null) {
      return;
    }
    String userId = blankToNull(appointment.userId());
    String userField = field + ".userId";
    if (userId == null) {
      throw new BadRequestException(userField, "A " + field + " needs a userId");
    }
    if (!unauthenticated(() -> identity.createUserQuery().userId(userId).count() > 0)) {
      throw new BadRequestException(userField, "Unknown user '" + userId + "'");
    }
    if (!isMember(unit, userId)) {
      throw new BadRequestException(userField, "User '" + userId + "' is not a member of unit '" + unit + "'");
    }
    if (!isLeader(userId)) {
      throw new BadRequestException(userField, "User '" + userId + "' is not in the group '" + Roles.LEADER + "'");
    }
    if (!named.add(userId)) {
      throw new BadRequestException(userField, "User '" + userId + "' is named twice; an official holds one position");
    }
    String title = blankToNull(appointment.title());
    if (title != null && title.length() > MAX_TITLE) {
      throw new BadRequestException(field + ".title", "A title has at most " + MAX_TITLE + " characters");
    }
    officials.add(new UnitOfficial(userId, position, title == null ? position.defaultTitle() : title));
  }

  /** Whether {@code candidate} is {@code unit} or a unit below it (then it cannot be its parent). */
  private boolean aboveOrSame(String unit, String candidate) {
    Set<String> seen = new HashSet<>();
    for (String u = candidate; u != null && seen.add(u); u = parent(u).orElse(null)) {
      if (u.equals(unit)) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> holder(String unit, OfficialPosition position) {
    return profile(unit).flatMap(p -> p.holder(position)).filter(o -> stillServes(unit, o)).map(UnitOfficial::userId);
  }

  private boolean stillServes(String unit, UnitOfficial official) {
    boolean serves = isMember(unit, official.userId()) && isLeader(official.userId());
    if (!serves) {
      LOG.warn("Unit {}: recorded {} {} is no longer a leader of the unit; ignored", unit, official.position(),
          official.userId());
    }
    return serves;
  }

  private boolean isMember(String unit, String userId) {
    return unauthenticated(() -> identity.createTenantQuery().tenantId(unit).userMember(userId)
        .includingGroupsOfUser(true).count() > 0);
  }

  private boolean isLeader(String userId) {
    return unauthenticated(() -> identity.createGroupQuery().groupId(Roles.LEADER).groupMember(userId).count() > 0);
  }

  /** Runs an identity query as the system, restoring the caller's authentication after it. */
  private <T> T unauthenticated(Supplier<T> query) {
    return AsSystem.read(identity, query);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

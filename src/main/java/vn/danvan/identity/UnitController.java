package vn.danvan.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.config.ApiError;

/**
 * The units API: a unit's parent and its officials (chairman, vice-chairmen, acting chairman), its
 * contact phone and its agency code (the first part of its dossier codes).
 * Administrators replace them ({@code PUT}); the unit's officials, auditors and administrators
 * read them ({@code GET}). Another unit answers 404, as an unknown one does.
 */
@RestController
@RequestMapping("/api/units")
class UnitController {

  private final UnitOfficials officials;
  private final IdentityService identity;

  UnitController(UnitOfficials officials, IdentityService identity) {
    this.officials = officials;
    this.identity = identity;
  }

  @GetMapping("/{code}")
  UnitView read(@PathVariable String code) {
    if (!UnitAccess.mayRead(identity.getCurrentAuthentication(), code) || !officials.unitExists(code)) {
      throw new Refused(HttpStatus.NOT_FOUND, "Unit not found");
    }
    return UnitView.of(officials.profile(code).orElse(UnitProfile.empty(code)));
  }

  @PutMapping("/{code}")
  UnitView replace(@PathVariable String code, @RequestBody UnitChange change) {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Roles.ADMIN)) {
      throw new Refused(HttpStatus.FORBIDDEN, "Only administrators change a unit's officials");
    }
    if (!officials.unitExists(code)) {
      throw new Refused(HttpStatus.NOT_FOUND, "Unit not found");
    }
    return UnitView.of(officials.replace(code, change, user.getUserId()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(ApiError.of("The request body is not a unit description (parent, chairman, viceChairmen, actingChairman, contactPhone, agencyCode)"));
  }

  @ExceptionHandler(Refused.class)
  ResponseEntity<ApiError> refused(Refused e) {
    return ResponseEntity.status(e.status).body(ApiError.of(e.getMessage()));
  }

  /** A request answered 403 or 404. */
  static final class Refused extends RuntimeException {
    private final HttpStatus status;

    Refused(HttpStatus status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** A unit as the API shows it. */
  record UnitView(String code, String parent, Official chairman, List<Official> viceChairmen, Official actingChairman,
      String contactPhone, String agencyCode) {

    record Official(String userId, String title) {}

    static UnitView of(UnitProfile unit) {
      return new UnitView(unit.code(), unit.parent(),
          unit.holder(OfficialPosition.CHAIRMAN).map(UnitView::official).orElse(null),
          unit.all(OfficialPosition.VICE_CHAIRMAN).stream().map(UnitView::official).toList(),
          unit.holder(OfficialPosition.ACTING_CHAIRMAN).map(UnitView::official).orElse(null), unit.contactPhone(),
          unit.agencyCode());
    }

    private static Official official(UnitOfficial o) {
      return new Official(o.userId(), o.title());
    }
  }
}

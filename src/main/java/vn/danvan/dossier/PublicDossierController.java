package vn.danvan.dossier;

import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.calendar.VietnamTime;
import vn.danvan.config.BadRequestException;
import vn.danvan.procedure.Procedure;
import vn.danvan.procedure.ProcedureCatalogue;

/**
 * The citizen's lookup, without login (page {@code /tra-cuu.html}): the state of a dossier by its
 * code and the last four digits of the phone given at the counter, and the satisfaction rating once
 * the result was handed over: one rating per dossier, the first is kept and a later attempt gets 409
 * (the officer's recorded satisfaction is stored apart and never touched). No names, no ID numbers;
 * an unknown code and a wrong phone4 get the same 404. Rate-limited per client address
 * ({@code publicapi.PublicRateLimitFilter}).
 */
@RestController
@RequestMapping("/api/public/dossiers")
class PublicDossierController {

  static final String ALREADY_RATED = "This dossier has already been rated; a rating cannot be changed";
  private static final Pattern PHONE4 = Pattern.compile("\\d{4}");

  private final DossierService dossiers;
  private final ProcedureCatalogue catalogue;

  PublicDossierController(DossierService dossiers, ProcedureCatalogue catalogue) {
    this.dossiers = dossiers;
    this.catalogue = catalogue;
  }

  @GetMapping("/{code}")
  PublicStatus status(@PathVariable String code, @RequestParam(required = false) String phone4) {
    Dossier d = lookup(code, phone4);
    String procedureName = catalogue.find(d.procedureCode(), dossiers.acceptedOn(d), false)
        .map(Procedure::name).orElse(null);
    return new PublicStatus(d.code(), procedureName, d.state().name(), d.state().label(),
        VietnamTime.iso(d.appointmentAt()), d.outcome() == null ? null : d.outcome().name(), d.citizenRating());
  }

  @PostMapping("/{code}/rating")
  RatingAnswer rate(@PathVariable String code, @RequestBody RatingRequest request) {
    Dossier d = lookup(code, request.phone4());
    if (request.rating() == null || request.rating() < 1 || request.rating() > 5) {
      throw new BadRequestException("rating", "The rating is a whole number from 1 to 5");
    }
    if (d.state() != DossierState.RETURNED) {
      throw DossierApiException.conflict("The dossier can be rated once its result has been handed over");
    }
    if (d.citizenRating() != null || !dossiers.rate(d.code(), request.rating())) {
      throw DossierApiException.conflict(ALREADY_RATED);
    }
    return new RatingAnswer(d.code(), request.rating());
  }

  private Dossier lookup(String code, String phone4) {
    if (phone4 == null || !PHONE4.matcher(phone4).matches()) {
      throw new BadRequestException("phone4", "The last 4 digits of the phone number given with the dossier");
    }
    return dossiers.find(code).filter(d -> phone4.equals(d.phoneLast4())).orElseThrow(DossierApiException::notFound);
  }

  /**
   * What anyone with the code and the phone's last four digits may know.
   *
   * @param citizenRating the rating given on the public page, null while not rated
   */
  record PublicStatus(String code, String procedureName, String state, String stateLabel, String appointmentAt,
      String outcome, Integer citizenRating) {}

  record RatingRequest(String phone4, Integer rating) {}

  record RatingAnswer(String code, Integer citizenRating) {}
}

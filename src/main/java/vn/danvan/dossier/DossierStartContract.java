package vn.danvan.dossier;

import static vn.danvan.dossier.DossierProcess.*;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.danvan.contract.ContractViolation;
import vn.danvan.contract.StartAttempt;
import vn.danvan.contract.StartContract;
import vn.danvan.contract.StartRefused;
import vn.danvan.identity.Roles;
import vn.danvan.procedure.ProcedureCatalogue;

/**
 * Who may start {@code dossierApproval} and what its start form cannot say. With the start form
 * {@code receive-dossier} (ID number, phone, e-mail, lengths, the procedure and channel options)
 * this is the one validation of a new dossier, for {@code POST /api/dossiers}, the engine REST
 * start and submit-form, and Tasklist's start form alike: only a one-stop officer of the case's
 * unit receives a dossier, the procedure is one the catalogue knows, and the receiving officer is
 * always the authenticated user.
 */
@Component
class DossierStartContract implements StartContract {

  private final ProcedureCatalogue catalogue;

  DossierStartContract(ProcedureCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public Map<String, Object> enforcedVariables(StartAttempt attempt) {
    return Map.of(VAR_RECEIVING_OFFICER, attempt.userId());
  }

  /** The phone as digits only ({@link PhoneNumber}); the form's pattern has accepted its spaces and dots. */
  @Override
  public Map<String, Object> normalisedVariables(StartAttempt attempt) {
    Object phone = attempt.variables().get(VAR_PHONE);
    return phone instanceof String typed ? Map.of(VAR_PHONE, PhoneNumber.normalise(typed)) : Map.of();
  }

  @Override
  public void check(StartAttempt attempt) {
    if (!attempt.groups().contains(Roles.ONE_STOP_OFFICER) || attempt.unit() == null
        || !attempt.units().contains(attempt.unit())) {
      throw new StartRefused("Chỉ cán bộ một cửa của đơn vị mới được tiếp nhận hồ sơ (user " + attempt.userId()
          + " is not a one-stop officer of unit " + attempt.unit() + ")");
    }
    Object procedure = attempt.variables().get(VAR_PROCEDURE_CODE);
    if (procedure != null && !catalogue.knows(procedure.toString())) {
      throw new ContractViolation(VAR_PROCEDURE_CODE, "Thủ tục '" + procedure + "' không có trong danh mục thủ tục");
    }
  }
}

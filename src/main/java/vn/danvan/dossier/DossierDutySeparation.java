package vn.danvan.dossier;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.danvan.calendar.WorkCalendar;
import vn.danvan.duty.SeparationOfDutiesSwitch;
import vn.danvan.procedure.AppointmentCalculator;
import vn.danvan.procedure.Channel;
import vn.danvan.procedure.Procedure;
import vn.danvan.procedure.ProcedureCatalogue;

/**
 * Separation of duties per procedure for {@code dossierApproval}: the catalogue's {@code
 * separateDuties} column of the dossier's procedure (empty means on). The procedure is read from
 * the dossier register, not from a process variable a task completion could change.
 */
@Component
class DossierDutySeparation implements SeparationOfDutiesSwitch {

  private final DossierRegister register;
  private final ProcedureCatalogue catalogue;
  private final AppointmentCalculator appointments;

  DossierDutySeparation(DossierRegister register, ProcedureCatalogue catalogue, AppointmentCalculator appointments) {
    this.register = register;
    this.catalogue = catalogue;
    this.appointments = appointments;
  }

  @Override
  public Optional<Boolean> separateDuties(String processDefinitionKey, String processInstanceId) {
    if (!DossierProcess.KEY.equals(processDefinitionKey)) {
      return Optional.empty();
    }
    return register.findByProcessInstance(processInstanceId).flatMap(dossier -> {
      // the rule of the day of acceptance, as DossierService.acceptedOn
      var acceptedOn = WorkCalendar.dateOf(appointments.acceptedAt(dossier.receivedAt(), Channel.valueOf(dossier.channel())));
      Optional<Procedure> procedure = catalogue.find(dossier.procedureCode(), acceptedOn, false)
          .or(() -> catalogue.find(dossier.procedureCode(), acceptedOn, true));
      return procedure.map(Procedure::separateDuties);
    });
  }
}

package vn.danvan.dossier;

import org.springframework.stereotype.Component;

/** "Ghi nhận hồ sơ trễ hẹn": see {@link DossierApplicationService#recordLate}. */
@Component
class RecordLateDossierDelegate extends DossierStepDelegate {

  RecordLateDossierDelegate(DossierApplicationService steps) {
    super(steps::recordLate);
  }
}

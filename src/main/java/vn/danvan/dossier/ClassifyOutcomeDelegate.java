package vn.danvan.dossier;

import org.springframework.stereotype.Component;

/** "Xếp loại kết quả đúng hẹn": see {@link DossierApplicationService#classifyOutcome}. */
@Component
class ClassifyOutcomeDelegate extends DossierStepDelegate {

  ClassifyOutcomeDelegate(DossierApplicationService steps) {
    super(steps::classifyOutcome);
  }
}

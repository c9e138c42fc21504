package vn.danvan.dossier;

import org.springframework.stereotype.Component;

/** "Báo kết quả đã có": see {@link DossierApplicationService#resultReady}. */
@Component
class MarkResultReadyDelegate extends DossierStepDelegate {

  MarkResultReadyDelegate(DossierApplicationService steps) {
    super(steps::resultReady);
  }
}

package vn.danvan.dossier;

import org.springframework.stereotype.Component;

/** "Đóng hồ sơ không bổ sung": see {@link DossierApplicationService#closeWithoutSupplement}. */
@Component
class CloseDossierDelegate extends DossierStepDelegate {

  CloseDossierDelegate(DossierApplicationService steps) {
    super(steps::closeWithoutSupplement);
  }
}

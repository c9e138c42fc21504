package vn.danvan.dossier;

import org.springframework.stereotype.Component;

/** "Lập thông báo dừng giải quyết" (Form 05): see {@link DossierApplicationService#withdraw}. */
@Component
class StopDossierDelegate extends DossierStepDelegate {

  StopDossierDelegate(DossierApplicationService steps) {
    super(steps::withdraw);
  }
}

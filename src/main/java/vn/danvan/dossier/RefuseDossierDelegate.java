package vn.danvan.dossier;

import org.springframework.stereotype.Component;

/** "Lập phiếu từ chối giải quyết" (Form 03): see {@link DossierApplicationService#refuse}. */
@Component
class RefuseDossierDelegate extends DossierStepDelegate {

  RefuseDossierDelegate(DossierApplicationService steps) {
    super(steps::refuse);
  }
}

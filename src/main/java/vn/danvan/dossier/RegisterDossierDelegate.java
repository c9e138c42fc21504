package vn.danvan.dossier;

import org.springframework.stereotype.Component;

/** "Vào sổ hồ sơ": see {@link DossierApplicationService#register}. */
@Component
class RegisterDossierDelegate extends DossierStepDelegate {

  RegisterDossierDelegate(DossierApplicationService steps) {
    super(steps::register);
  }
}

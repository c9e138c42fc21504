package vn.danvan.dossier;

import org.springframework.stereotype.Component;

/** "Lập thư xin lỗi" (Form 04): see {@link DossierApplicationService#issueApology}. */
@Component
class IssueApologyDelegate extends DossierStepDelegate {

  IssueApologyDelegate(DossierApplicationService steps) {
    super(steps::issueApology);
  }
}

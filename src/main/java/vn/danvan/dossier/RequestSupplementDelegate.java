package vn.danvan.dossier;

import org.springframework.stereotype.Component;

/** "Lập phiếu yêu cầu bổ sung" (Form 02): see {@link DossierApplicationService#requestSupplement}. */
@Component
class RequestSupplementDelegate extends DossierStepDelegate {

  RequestSupplementDelegate(DossierApplicationService steps) {
    super(steps::requestSupplement);
  }
}

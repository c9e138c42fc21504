package vn.danvan.dossier;

import org.springframework.stereotype.Component;

/** "Lập kết quả giải quyết": see {@link DossierApplicationService#prepareResult}. */
@Component
class PrepareResultDelegate extends DossierStepDelegate {

  PrepareResultDelegate(DossierApplicationService steps) {
    super(steps::prepareResult);
  }
}

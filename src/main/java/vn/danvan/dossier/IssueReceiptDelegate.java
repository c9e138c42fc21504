package vn.danvan.dossier;

import org.springframework.stereotype.Component;

/** "Lập giấy tiếp nhận và hẹn trả" (Form 01): see {@link DossierApplicationService#issueReceipt}. */
@Component
class IssueReceiptDelegate extends DossierStepDelegate {

  IssueReceiptDelegate(DossierApplicationService steps) {
    super(steps::issueReceipt);
  }
}

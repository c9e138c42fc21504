package vn.danvan.signing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.danvan.document.DocumentKind;
import vn.danvan.duty.SeparationOfDuties;
import vn.danvan.step.StepInputs;

/**
 * BPMN glue for the "Ký số văn bản" step (element template {@code sign-document.json}): reads the
 * step's input parameters and signs the case's document as the case's unit. Run it asynchronously
 * ({@code camunda:asyncBefore}): a failure is retried and then becomes an incident in Cockpit, and
 * the case waits at this step instead of being lost.
 */
@Component("signDocumentDelegate")
class SignDocumentDelegate implements JavaDelegate {

  static final String IN_DOCUMENT_VARIABLE = "documentVariable";
  static final String IN_SIGNER_ROLE = "signerRole";
  static final String IN_SIGNER_USER_VARIABLE = "signerUserVariable";
  static final String IN_REASON = "reason";
  /** Optional: the kind the document must be, a guard against signing the wrong variable's document. */
  static final String IN_DOCUMENT_KIND = "documentKind";

  private final DocumentSigningService signing;
  private final SeparationOfDuties separation;

  SignDocumentDelegate(DocumentSigningService signing, SeparationOfDuties separation) {
    this.signing = signing;
    this.separation = separation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StepInputs inputs = new StepInputs(execution, "signing step");
    String documentId = (String) inputs.requiredVariable(IN_DOCUMENT_VARIABLE);
    SignerRole role = SignerRole.valueOf(inputs.required(IN_SIGNER_ROLE));
    String leader = role == SignerRole.LEADER_AND_UNIT ? (String) inputs.requiredVariable(IN_SIGNER_USER_VARIABLE) : null;
    // the leader who signs did not appraise the case, if the step says so (separateFrom)
    separation.checkActor(execution, leader);
    String kind = inputs.optional(IN_DOCUMENT_KIND);
    DocumentKind expectedKind = kind == null || kind.isBlank() ? null : DocumentKind.of(kind);
    signing.sign(documentId, expectedKind, execution.getTenantId(), role, leader, inputs.required(IN_REASON));
  }
}

package vn.danvan.signing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.danvan.document.DocumentKind;
import vn.danvan.duty.SeparationOfDuties;

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
    String documentId = (String) execution.getVariable(required(execution, IN_DOCUMENT_VARIABLE));
    if (documentId == null) {
      throw new IllegalStateException("Variable " + execution.getVariable(IN_DOCUMENT_VARIABLE) + " holds no document id");
    }
    SignerRole role = SignerRole.valueOf(required(execution, IN_SIGNER_ROLE));
    String leader = role == SignerRole.LEADER_AND_UNIT
        ? (String) execution.getVariable(required(execution, IN_SIGNER_USER_VARIABLE)) : null;
    // the leader who signs did not appraise the case, if the step says so (separateFrom)
    separation.checkActor(execution, leader);
    Object kind = execution.getVariableLocal(IN_DOCUMENT_KIND);
    DocumentKind expectedKind = kind == null || kind.toString().isBlank() ? null : DocumentKind.of(kind.toString());
    signing.sign(documentId, expectedKind, execution.getTenantId(), role, leader, required(execution, IN_REASON));
  }

  private static String required(DelegateExecution execution, String input) {
    Object value = execution.getVariableLocal(input);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("Input parameter '" + input + "' of the signing step is not set");
    }
    return value.toString();
  }
}

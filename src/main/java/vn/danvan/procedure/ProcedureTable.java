package vn.danvan.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One version of the {@code procedureCatalogue} decision table, parsed once: evaluates it for a
 * procedure, an acceptance date and the verification flag, and knows which procedure codes its rows
 * name (a decision table cannot list its rows by evaluation).
 */
final class ProcedureTable {

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  private final DmnEngine dmnEngine;
  private final DmnDecision decision;
  private final Set<String> codes;

  ProcedureTable(DmnEngine dmnEngine, DmnModelInstance model) {
    this.dmnEngine = dmnEngine;
    try {
      this.decision = dmnEngine.parseDecision(ProcedureDecision.KEY, model);
    } catch (DmnEngineException e) {
      throw new InvalidCatalogueException("Cannot parse decision " + ProcedureDecision.KEY + ": " + e.getMessage(), e);
    }
    this.codes = codesOf(model);
  }

  /** The procedure codes the rows name, in the order of the rows. */
  Set<String> codes() {
    return codes;
  }

  /**
   * The row in force for {@code code} on {@code acceptedOn} with the given verification flag; empty
   * if no row matches (unknown code, or not in force on that date).
   *
   * @throws InvalidCatalogueException if several rows match (the table's hit policy is UNIQUE) or
   *     the matching row is malformed
   */
  Optional<Procedure> find(String code, LocalDate acceptedOn, boolean verificationNeeded) {
    DmnDecisionTableResult result;
    try {
      result = dmnEngine.evaluateDecisionTable(decision, Variables.createVariables()
          .putValue(ProcedureDecision.IN_PROCEDURE_CODE, code)
          .putValue(ProcedureDecision.IN_ACCEPTED_ON, acceptedOn)
          .putValue(ProcedureDecision.IN_VERIFICATION_NEEDED, verificationNeeded));
    } catch (DmnEngineException e) {
      throw new InvalidCatalogueException("procedureCatalogue for " + code + " on " + acceptedOn + ": " + e.getMessage(), e);
    }
    DmnDecisionRuleResult row = result.getSingleResult();
    return row == null ? Optional.empty() : Optional.of(ProcedureRowMapper.toProcedure(row.getEntryMap()));
  }

  /** Every procedure in force on {@code date}, without verification, in the order of the rows. */
  List<Procedure> all(LocalDate date) {
    List<Procedure> procedures = new ArrayList<>();
    codes.forEach(code -> find(code, date, false).ifPresent(procedures::add));
    return procedures;
  }

  private static Set<String> codesOf(DmnModelInstance model) {
    Decision decision = model.getModelElementById(ProcedureDecision.KEY);
    if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
      throw new InvalidCatalogueException("No decision table " + ProcedureDecision.KEY + " in the catalogue");
    }
    int column = codeColumn(table.getInputs());
    Set<String> codes = new LinkedHashSet<>();
    for (Rule rule : table.getRules()) {
      String entry = new ArrayList<>(rule.getInputEntries()).get(column).getTextContent();
      Matcher matcher = QUOTED.matcher(entry == null ? "" : entry);
      while (matcher.find()) {
        codes.add(matcher.group(1));
      }
    }
    return codes;
  }

  private static int codeColumn(Collection<Input> inputs) {
    int index = 0;
    for (Input input : inputs) {
      if (ProcedureDecision.IN_PROCEDURE_CODE.equals(input.getInputExpression().getText().getTextContent().strip())) {
        return index;
      }
      index++;
    }
    throw new InvalidCatalogueException("The catalogue has no input '" + ProcedureDecision.IN_PROCEDURE_CODE + "'");
  }
}

package vn.danvan.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import vn.danvan.contract.FormContract;
import vn.danvan.document.DocumentKind;
import vn.danvan.procedure.ProcedureDecision;

/**
 * One set of procedure files — the catalogue ({@code procedureCatalogue.dmn}), the start form
 * ({@code receive-dossier.form}) and the result templates ({@code documents/templates/*.yaml}) —
 * and where they are out of step. A procedure is a catalogue row, the start form's fields shown for
 * its code (its section: fields whose {@code conditional.hide} lets them show for that
 * {@code procedureCode} only) and the template its row names in {@code resultDocumentKind}. Used on
 * the shipped files and on the test resource set that adds a procedure from files only.
 */
final class ProcedureFiles {

  static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
  /** A code no row has: what the start form shows for it is the part common to every procedure. */
  static final String NO_PROCEDURE = "NO_SUCH_PROCEDURE";

  final DmnModelInstance catalogue;
  final JsonNode startForm;
  final Function<DocumentKind, String> templates;

  /** @param templates the text of a kind's template file, or null if there is none */
  ProcedureFiles(DmnModelInstance catalogue, JsonNode startForm, Function<DocumentKind, String> templates) {
    this.catalogue = catalogue;
    this.startForm = startForm;
    this.templates = templates;
  }

  /** The shipped files: {@code bpmn/}, {@code forms/} and {@code src/main/resources/documents/templates/}. */
  static ProcedureFiles shipped() {
    return of(Path.of("bpmn/procedureCatalogue.dmn"), Path.of("forms/receive-dossier.form"),
        Path.of("src/main/resources"));
  }

  /** A catalogue, a start form, and the folder holding {@code documents/templates/}. */
  static ProcedureFiles of(Path catalogue, Path startForm, Path templateRoot) {
    try (InputStream in = Files.newInputStream(catalogue)) {
      DmnModelInstance model = Dmn.readModelFromStream(in);
      JsonNode form = new ObjectMapper().readTree(startForm.toFile());
      return new ProcedureFiles(model, form, kind -> {
        Path file = templateRoot.resolve(kind.templateResource());
        try {
          return Files.exists(file) ? Files.readString(file) : null;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Code → Vietnamese name over every row (dated or verification rows share a code and name). */
  Map<String, String> catalogueNames() {
    Map<String, String> names = new LinkedHashMap<>();
    rows().forEach(row -> names.putIfAbsent(row.get(ProcedureDecision.OUT_CODE), row.get(ProcedureDecision.OUT_NAME)));
    return names;
  }

  /** Value → label of the start form's procedure options. */
  Map<String, String> offeredProcedures() {
    Map<String, String> options = new LinkedHashMap<>();
    startForm.findParents("key").stream().filter(c -> DossierProcess.VAR_PROCEDURE_CODE.equals(c.path("key").asText()))
        .forEach(c -> c.path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText())));
    return options;
  }

  /** The start form's fields shown for a procedure and for no other: its data section. */
  Set<String> ownFields(String code) {
    Set<String> own = new TreeSet<>(shownFields(code));
    own.removeAll(shownFields(NO_PROCEDURE));
    return own;
  }

  Set<String> shownFields(String code) {
    return FormContract.parse(startForm).shownKeys(Map.of(DossierProcess.VAR_PROCEDURE_CODE, code));
  }

  /** Everything out of step, one sentence each; empty when the files agree. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    Map<String, String> names = catalogueNames();
    Map<String, String> offered = offeredProcedures();
    if (!offered.equals(names)) {
      problems.add("the start form offers " + offered + " but the catalogue has " + names);
    }
    for (String code : names.keySet()) {
      if (ownFields(code).isEmpty()) {
        problems.add(code + ": the start form has no section of its own (fields hidden unless procedureCode = \""
            + code + "\")");
      }
    }
    for (Map<String, String> row : rows()) {
      String code = row.get(ProcedureDecision.OUT_CODE);
      String kindName = row.get(ProcedureDecision.OUT_RESULT_DOCUMENT_KIND);
      if (kindName == null || kindName.isBlank()) {
        problems.add(code + ": the row names no result template (" + ProcedureDecision.OUT_RESULT_DOCUMENT_KIND + ")");
        continue;
      }
      DocumentKind kind = DocumentKind.of(kindName);
      String template = templates.apply(kind);
      if (template == null) {
        problems.add(code + ": its result template " + kind.templateResource() + " does not exist");
        continue;
      }
      Set<String> fed = new TreeSet<>(shownFields(code));
      fed.addAll(DossierDocuments.RESULT_VALUES);
      Set<String> unfed = new TreeSet<>(placeholders(template));
      unfed.removeAll(fed);
      if (!unfed.isEmpty()) {
        problems.add(code + ": " + kind.templateResource() + " uses " + unfed
            + ", neither a field the start form shows for it nor a value the result is given");
      }
    }
    return problems;
  }

  /** The placeholders of a template file, its comment lines left out. */
  static Set<String> placeholders(String template) {
    Set<String> names = new TreeSet<>();
    template.lines().filter(line -> !line.strip().startsWith("#") || line.startsWith("  #")).forEach(line -> {
      Matcher m = PLACEHOLDER.matcher(line);
      while (m.find()) {
        names.add(m.group(1));
      }
    });
    return names;
  }

  private List<Map<String, String>> rows() {
    DecisionTable table = catalogue.getModelElementsByType(DecisionTable.class).iterator().next();
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    List<Map<String, String>> rows = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      var entries = rule.getOutputEntries().stream().map(e -> unquote(e.getTextContent())).toList();
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < outputs.size(); i++) {
        row.put(outputs.get(i), entries.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  private static String unquote(String feel) {
    String text = feel.trim();
    return text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
  }
}

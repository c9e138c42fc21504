package vn.danvan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grants file: deny by default, only known roles and levels, supervisors work on what they supervise. */
class ProcessGrantsTest {

  final ProcessGrants grants = ProcessGrants.load();

  @Test
  void everyPresentAndComingProcessIsListed() {
    assertThat(grants.processes().keySet()).containsExactly("dossierApproval", "escalationLadder", "citizenReception", "petitionHandling",
        "complaintSettlement", "denunciationSettlement", "landClearanceProject", "householdMobilization");
  }

  @Test
  void dossierApprovalIsStartedByOneStopOfficersAndWorkedByItsThreeRoles() {
    var dossier = grants.processes().get("dossierApproval");
    assertThat(dossier.start()).containsExactly(Roles.ONE_STOP_OFFICER);
    assertThat(dossier.work()).containsExactlyInAnyOrder(Roles.ONE_STOP_OFFICER, Roles.SPECIALIST, Roles.LEADER);
    assertThat(dossier.read()).containsExactly(Roles.AUDITOR);
    assertThat(grants.works("dossierApproval", Roles.MOBILIZATION_TEAM)).isFalse();
    assertThat(grants.works("dossierApproval", Roles.INSPECTOR)).isFalse();
  }

  @Test
  void theEscalationLadderIsWorkedByLeadersReadByAuditorsAndStartedByNobody() {
    var ladder = grants.processes().get("escalationLadder");
    assertThat(ladder.start()).isEmpty();
    assertThat(ladder.work()).containsExactly(Roles.LEADER);
    assertThat(ladder.read()).containsExactly(Roles.AUDITOR);
    assertThat(grants.works("escalationLadder", Roles.SPECIALIST)).isFalse();
  }

  @Test
  void aProcessNobodyListedHasNoRoles() {
    assertThat(grants.workingRoles("somethingNew")).isEmpty();
    assertThat(grants.works("somethingNew", Roles.LEADER)).isFalse();
  }

  @Test
  void theDenouncersIdentityStaysWithTheInspectorsAndLeaders() {
    var denunciation = grants.processes().get("denunciationSettlement");
    assertThat(denunciation.work()).containsExactlyInAnyOrder(Roles.INSPECTOR, Roles.LEADER);
    assertThat(denunciation.read()).isEmpty();
    assertThat(denunciation.readWithoutVariables()).containsExactly(Roles.AUDITOR);
  }

  @Test
  void aSupervisorWorksOnWhatTheySupervise() {
    var parsed = ProcessGrants.parse(Map.of("processes", Map.of("p", Map.of("supervise", List.of("leader")))));
    assertThat(parsed.works("p", "leader")).isTrue();
  }

  @Test
  void unknownRolesAndLevelsStopStartup() {
    assertThatThrownBy(() -> ProcessGrants.parse(Map.of("processes", Map.of("p", Map.of("work", List.of("everyone"))))))
        .hasMessageContaining("process p").hasMessageContaining("unknown role 'everyone'");
    assertThatThrownBy(() -> ProcessGrants.parse(Map.of("processes", Map.of("p", Map.of("work", List.of("camunda-admin"))))))
        .hasMessageContaining("unknown role 'camunda-admin'");
    assertThatThrownBy(() -> ProcessGrants.parse(Map.of("processes", Map.of("p", Map.of("own", List.of("leader"))))))
        .hasMessageContaining("unknown level 'own'");
  }

  @Test
  void theOperatorsFileGrantsANewProcessAndReplacesAListedOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("grants.yaml");
    Files.writeString(file, """
        processes:
          waterPermit:
            start: [one-stop-officer]
            work: [one-stop-officer, specialist]
          dossierApproval:
            start: [one-stop-officer]
            work: [one-stop-officer, leader]
        """);
    ProcessGrants grants = ProcessGrants.load(file);

    assertThat(grants.workingRoles("waterPermit")).containsExactlyInAnyOrder("one-stop-officer", "specialist");
    assertThat(grants.works("dossierApproval", "specialist")).as("the operator narrowed dossierApproval").isFalse();
    assertThat(grants.processes()).containsKey("complaintSettlement");
  }

  @Test
  void aMissingOrMalformedOperatorFileStopsStartupNamingIt(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> ProcessGrants.load(dir.resolve("absent.yaml")))
        .hasMessageContaining("absent.yaml").hasMessageContaining("process-grants-file");
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "processes:\n  waterPermit:\n    work: [plumber]\n");
    assertThatThrownBy(() -> ProcessGrants.load(file)).hasMessageContaining("bad.yaml").hasMessageContaining("plumber");
  }
}

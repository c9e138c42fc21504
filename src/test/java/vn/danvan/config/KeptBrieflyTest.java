package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.danvan.identity.UnitProfile;

/** {@link KeptBriefly} on a moved clock, and around a writing transaction (Spring's synchronization by hand). */
class KeptBrieflyTest {

  private final AtomicLong now = new AtomicLong(5_000_000_000L);
  private final AtomicInteger reads = new AtomicInteger();
  private final KeptBriefly<Optional<UnitProfile>> profiles = new KeptBriefly<>(Duration.ofSeconds(30), now::get);

  private Optional<UnitProfile> read() {
    reads.incrementAndGet();
    return Optional.of(new UnitProfile("dongha", "quangtri" + reads.get(), List.of(), null, null));
  }

  @AfterEach
  void noTransactionLeft() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void aProfileIsReadOncePerTimeToLive() {
    profiles.get("dongha", this::read);
    now.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(profiles.get("dongha", this::read).orElseThrow().parent()).isEqualTo("quangtri1");
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(profiles.get("dongha", this::read).orElseThrow().parent()).isEqualTo("quangtri2");
  }

  @Test
  void nothingReadWhileAUnitIsBeingWrittenIsKeptAndTheEndForgetsAgain() {
    profiles.get("dongha", this::read);
    TransactionSynchronizationManager.initSynchronization();
    profiles.written();
    profiles.get("dongha", this::read); // the writer's own (uncommitted) row, or another reader's old one
    profiles.get("dongha", this::read);
    assertThat(reads).hasValue(3);
    List<TransactionSynchronization> open = TransactionSynchronizationManager.getSynchronizations();
    TransactionSynchronizationManager.clearSynchronization();
    open.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

    assertThat(profiles.get("dongha", this::read).orElseThrow().parent()).isEqualTo("quangtri4");
    profiles.get("dongha", this::read);
    assertThat(reads).as("kept again once the writer ended").hasValue(4);
  }

  @Test
  void whatIsNotToBeKeptIsReadAgain() {
    KeptBriefly<Optional<String>> names = new KeptBriefly<>(Duration.ofSeconds(30), now::get);
    AtomicInteger asked = new AtomicInteger();
    names.get("new.user", () -> {
      asked.incrementAndGet();
      return Optional.empty();
    }, Optional::isPresent);
    assertThat(names.get("new.user", () -> {
      asked.incrementAndGet();
      return Optional.of("Phạm Thị Hoa");
    }, Optional::isPresent)).as("a user created since is named at once").contains("Phạm Thị Hoa");
    names.get("new.user", () -> Optional.of("other"), Optional::isPresent);
    assertThat(asked).as("the name is kept").hasValue(2);
  }

  @Test
  void aChangeMadeElsewhereThatConcernsTheKeptDataCountsAtOnce() {
    java.util.concurrent.atomic.AtomicLong identityWrites = new java.util.concurrent.atomic.AtomicLong();
    KeptBriefly<Optional<String>> names = new KeptBriefly<>(Duration.ofSeconds(30), now::get, identityWrites::get);
    AtomicInteger asked = new AtomicInteger();
    assertThat(names.get("dongha.leader", () -> Optional.of("Phạm Thị Hoa " + asked.incrementAndGet()))).contains("Phạm Thị Hoa 1");
    assertThat(names.get("dongha.leader", () -> Optional.of("Phạm Thị Hoa " + asked.incrementAndGet()))).contains("Phạm Thị Hoa 1");

    identityWrites.incrementAndGet(); // renamed in Camunda Admin
    assertThat(names.get("dongha.leader", () -> Optional.of("Phạm Thị Hoa " + asked.incrementAndGet()))).contains("Phạm Thị Hoa 2");
    assertThat(names.get("dongha.leader", () -> Optional.of("Phạm Thị Hoa " + asked.incrementAndGet()))).contains("Phạm Thị Hoa 2");

    // read while such a change was made: not kept
    assertThat(names.get("camlo.leader", () -> {
      identityWrites.incrementAndGet();
      return Optional.of("Lê Văn Nam");
    })).contains("Lê Văn Nam");
    assertThat(names.get("camlo.leader", () -> Optional.of("Lê Văn Nam (mới)"))).contains("Lê Văn Nam (mới)");
  }

  @Test
  void aZeroTimeToLiveKeepsNothing() {
    KeptBriefly<Optional<UnitProfile>> never = new KeptBriefly<>(Duration.ZERO, now::get);
    never.get("dongha", this::read);
    never.get("dongha", this::read);
    assertThat(reads).hasValue(2);
  }
}

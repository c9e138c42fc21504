package vn.danvan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentLoginsTest {

  private final AtomicLong now = new AtomicLong(5_000);
  private final AtomicLong identityWrites = new AtomicLong();
  private final RecentLogins logins = new RecentLogins(Duration.ofSeconds(30), now::get, identityWrites::get);
  private final RecentLogins.Identity officer =
      new RecentLogins.Identity("dongha.officer", List.of("one-stop-officer"), List.of("dongha"));

  @Test
  void aLoginIsRememberedForItsTimeToLiveOnlyWithTheSamePassword() {
    logins.remember("s3cret-Pass!", officer, logins.generation());
    assertThat(logins.find("dongha.officer", "s3cret-Pass!")).contains(officer);
    assertThat(logins.find("dongha.officer", "other-Pass!")).isEmpty();
    assertThat(logins.find("dongha.specialist", "s3cret-Pass!")).isEmpty();
    now.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(logins.find("dongha.officer", "s3cret-Pass!")).contains(officer);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(logins.find("dongha.officer", "s3cret-Pass!")).isEmpty();
    assertThat(logins.size()).isZero();
  }

  @Test
  void userIdAndPasswordCannotBeShiftedIntoEachOther() {
    logins.remember("bc", new RecentLogins.Identity("a", List.of(), List.of()), logins.generation());
    assertThat(logins.find("ab", "c")).isEmpty();
  }

  @Test
  void aZeroTimeToLiveRemembersNothing() {
    RecentLogins off = new RecentLogins(Duration.ZERO, now::get, identityWrites::get);
    off.remember("s3cret-Pass!", officer, off.generation());
    assertThat(off.find("dongha.officer", "s3cret-Pass!")).isEmpty();
    assertThat(off.size()).isZero();
  }

  @Test
  void memoryIsBounded() {
    for (int i = 0; i < RecentLogins.MAX_USERS + 50; i++) {
      logins.remember("pw", new RecentLogins.Identity("user" + i, List.of(), List.of()), logins.generation());
    }
    assertThat(logins.size()).isEqualTo(RecentLogins.MAX_USERS);
    assertThat(logins.find("user0", "pw")).isEmpty();
    assertThat(logins.find("user" + (RecentLogins.MAX_USERS + 49), "pw")).isPresent();
  }

  @Test
  void anIdentityWriteOnThisNodeForgetsEveryRememberedLogin() {
    logins.remember("s3cret-Pass!", officer, logins.generation());
    RecentLogins.Identity other = new RecentLogins.Identity("camlo.officer", List.of("one-stop-officer"), List.of("camlo"));
    logins.remember("other-Pass!", other, logins.generation());
    assertThat(logins.find("dongha.officer", "s3cret-Pass!")).contains(officer);

    identityWrites.incrementAndGet();

    assertThat(logins.find("dongha.officer", "s3cret-Pass!")).isEmpty();
    assertThat(logins.find("camlo.officer", "other-Pass!")).isEmpty();
    assertThat(logins.size()).isZero();
    // checked again after the write: remembered again
    logins.remember("s3cret-Pass!", officer, logins.generation());
    assertThat(logins.find("dongha.officer", "s3cret-Pass!")).contains(officer);
  }

  @Test
  void aLoginCheckedWhileAnIdentityWriteHappenedIsNotRemembered() {
    long checkedAt = logins.generation();
    identityWrites.incrementAndGet(); // e.g. the membership removed while the groups were being read
    logins.remember("s3cret-Pass!", officer, checkedAt);
    assertThat(logins.find("dongha.officer", "s3cret-Pass!")).isEmpty();
    assertThat(logins.size()).isZero();
  }
}

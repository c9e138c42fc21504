package vn.danvan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.bench.LifecycleBenchmark.Run;

/** The benchmark's list of runs and the median it prints over rounds. */
class BenchmarkRunsTest {

  @Test
  void runsAreReadInTheOrderGivenWithTheirSettingsAndJars() {
    assertThat(Run.parse(" stock-process, optimised ,baseline"))
        .containsExactly(Run.STOCK_PROCESS, Run.OPTIMISED, Run.BASELINE);
    assertThat(Run.STOCK_PROCESS.stock).isTrue();
    assertThat(Run.STOCK_PROCESS.process()).isTrue();
    assertThat(Run.STOCK.process()).isFalse();
    // the baseline is an earlier build with its own settings, never this build's stock ones
    assertThat(Run.BASELINE.stock).isFalse();
    assertThat(Run.BASELINE.jarSetting).isEqualTo("danvan.bench.baseline-jar");
    assertThat(Run.OPTIMISED_PROCESS.jarSetting).isEqualTo("danvan.bench.app-jar");
  }

  @Test
  void anUnknownOrRepeatedRunIsRefusedByName() {
    assertThatThrownBy(() -> Run.parse("optimised,stok"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not stok");
    assertThatThrownBy(() -> Run.parse("stock,stock"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
  }

  @Test
  void theMedianOfAnOddAndOfAnEvenNumberOfRatios() {
    assertThat(LifecycleBenchmark.median(List.of(2.4, 1.8, 2.0))).isEqualTo(2.0);
    assertThat(LifecycleBenchmark.median(List.of(2.4, 1.8, 2.0, 3.0))).isEqualTo(2.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(LifecycleBenchmark.median(List.of(1.5))).isEqualTo(1.5);
  }
}

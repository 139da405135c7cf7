package dev.yolotrain.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotsAndCommandTest {

    @Test
    void slotsFromConfiguredGpusOrCpu() {
        assertThat(Slots.of("0,1", 1)).containsExactly(new Slots.Slot("gpu0", "0"), new Slots.Slot("gpu1", "1"));
        assertThat(Slots.of("none", 2)).containsExactly(new Slots.Slot("cpu0", null), new Slots.Slot("cpu1", null));
        assertThat(Slots.of("none", 0)).hasSize(1);
        List<Slots.Slot> detected = Slots.of("", 1);
        assertThat(detected).isNotEmpty();
        assertThat(detected.size()).isEqualTo(Math.max(1, Slots.detect().size()));
    }

    @Test
    void childRunsTheEngineFromTheClassPathOrTheBootJar() {
        List<String> cmd = ChildCommand.java("", "-Xmx1g -XX:+UseSerialGC", false);
        assertThat(cmd.get(0)).endsWith("/bin/java");
        assertThat(cmd).contains("-Xmx1g", "-XX:+UseSerialGC", "-Dai.djl.offline=true", "-cp", "dev.yolotrain.Main");
        assertThat(ChildCommand.bootJar("a.jar:b.jar")).isNull();
        assertThat(ChildCommand.bootJar("/nonexistent/yolotrain.jar")).isNull();
        List<String> guarded = ChildCommand.java("", "", true);
        if (new java.io.File("/usr/bin/setpriv").canExecute()) {
            assertThat(guarded.subList(0, 4)).containsExactly("/usr/bin/setpriv", "--pdeathsig", "KILL", "--");
        }
    }
}

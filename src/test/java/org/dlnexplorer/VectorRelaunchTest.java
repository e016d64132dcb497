package org.dlnexplorer;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the jar re-runs itself with the Vector API, and that it really does (child JVMs). */
class VectorRelaunchTest {
    private static VectorRelaunch.Jvm jvm(boolean loaded, boolean available, String relaunch, String child, String kernels,
                                          List<String> options) {
        return new VectorRelaunch.Jvm(loaded, available, relaunch, child, kernels, options, "/jdk", "app.jar");
    }

    private static final VectorRelaunch.Jvm PLAIN = jvm(false, true, null, null, null, List.of("-Xmx2g", "-Dprism.forceGPU=true"));

    @Test
    void computeHeavyCommandsRelaunchWithTheModuleAndTheSameOptions() {
        List<String> cmd = VectorRelaunch.childCommand(PLAIN, new String[]{"bench", "p.json", "--repeat", "3"}).orElseThrow();
        assertEquals(List.of("/jdk" + File.separator + "bin" + File.separator + "java", "-Xmx2g", "-Dprism.forceGPU=true",
                "--add-modules", "jdk.incubator.vector", "-Ddln.relaunched=true", "-cp", "app.jar",
                "org.dlnexplorer.Main", "bench", "p.json", "--repeat", "3"), cmd);
        assertTrue(VectorRelaunch.childCommand(PLAIN, new String[0]).isPresent(), "no command: the app");
        assertTrue(VectorRelaunch.childCommand(PLAIN, new String[]{"gui", "x.json"}).isPresent());
        assertTrue(VectorRelaunch.childCommand(PLAIN, new String[]{"sweep", "x.json", "--x", "init.scale=0.1:1:3"}).isPresent());
    }

    @Test
    void everythingElseRunsInThisJvm() {
        assertFalse(VectorRelaunch.childCommand(PLAIN, new String[]{"run", "p.json"}).isPresent());
        assertFalse(VectorRelaunch.childCommand(PLAIN, new String[]{"export", "p.json", "--all"}).isPresent());
        assertFalse(VectorRelaunch.childCommand(PLAIN, new String[]{"presets"}).isPresent());
        assertFalse(VectorRelaunch.childCommand(PLAIN, new String[]{"bench", "--help"}).isPresent());
        String[] bench = {"bench", "p.json"};
        assertFalse(VectorRelaunch.childCommand(jvm(true, true, null, null, null, List.of()), bench).isPresent(), "module already there");
        assertFalse(VectorRelaunch.childCommand(jvm(false, false, null, null, null, List.of()), bench).isPresent(), "runtime without it");
        assertFalse(VectorRelaunch.childCommand(jvm(false, true, "false", null, null, List.of()), bench).isPresent(), "opted out");
        assertFalse(VectorRelaunch.childCommand(jvm(false, true, null, "true", null, List.of()), bench).isPresent(), "already the child");
        assertFalse(VectorRelaunch.childCommand(jvm(false, true, null, null, "scalar", List.of()), bench).isPresent(), "scalar forced");
        assertFalse(VectorRelaunch.childCommand(jvm(false, true, null, null, null,
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005")), bench).isPresent(), "debugger attached");
    }

    /** The real thing: a JVM started without the module reports the vector kernels, with a clean stderr. */
    @Test
    void plainJvmRunsBenchWithTheVectorKernelsAndPassesStatusAndErrorsThrough() throws Exception {
        Child ok = runMain(List.of(), "bench", "--peer-config", "2x4", "--repeat", "1", "--warmup", "0");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("\"kernels\":\"vector\""), ok.out());
        assertFalse(ok.err().contains(VectorRelaunch.INCUBATOR_WARNING), ok.err());
        Child optedOut = runMain(List.of("-Ddln.relaunch=false"), "bench", "--peer-config", "2x4", "--repeat", "1", "--warmup", "0");
        assertTrue(optedOut.out().contains("\"kernels\":\"scalar\""), optedOut.out());
        Child bad = runMain(List.of(), "bench", "no-such-preset.json");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("no-such-preset.json"), bad.err());
    }

    record Child(int code, String out, String err) {}

    private static Child runMain(List<String> jvmArgs, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.addAll(jvmArgs);
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
        return new Child(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}

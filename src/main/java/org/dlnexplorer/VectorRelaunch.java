package org.dlnexplorer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Makes the SIMD kernels reach users of the plain {@code java -jar dln-explorer.jar} command line.
 * The Vector API is an incubator module: a JVM only has it when started with
 * {@code --add-modules jdk.incubator.vector}, and a jar manifest cannot ask for that. So for the compute-heavy
 * commands (the app, {@code bench}, {@code sweep}) a JVM without the module, whose runtime image has it,
 * starts one child JVM with the same options plus the module, waits for it and exits with its status.
 * stdin and stdout are the child's own; its stderr is copied through without the module system's one
 * "WARNING: Using incubator modules" line, so stderr keeps the SPEC's one-line error contract.
 * Not relaunched: other commands (short runs where a second JVM start costs more than SIMD saves),
 * {@code -Ddln.relaunch=false}, {@code -Ddln.kernels=scalar}, JVMs with a debugger or agent attached, and
 * runtimes without the module (then the scalar kernels run in this JVM, as before).
 */
final class VectorRelaunch {
    private VectorRelaunch() {}

    static final String MODULE = "jdk.incubator.vector";
    /** {@code -Ddln.relaunch=false} keeps every command in the first JVM */
    static final String RELAUNCH_PROPERTY = "dln.relaunch";
    /** set on the child, so that it never relaunches again */
    static final String CHILD_PROPERTY = "dln.relaunched";
    /** what the module system prints on stderr when an incubator module is resolved */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: " + MODULE;
    /** the commands worth a second JVM start; no command at all means the app */
    static final Set<String> COMMANDS = Set.of("gui", "bench", "sweep");
    private static final Set<String> INFO_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    /** What decides a relaunch, gathered from the running JVM (a record so that the decision is testable). */
    record Jvm(boolean moduleLoaded, boolean moduleAvailable, String relaunchProperty, String childProperty,
               String kernelsProperty, List<String> jvmOptions, String javaHome, String classPath) {
        static Jvm current() {
            return new Jvm(ModuleLayer.boot().findModule(MODULE).isPresent(),
                    ModuleFinder.ofSystem().find(MODULE).isPresent(),
                    System.getProperty(RELAUNCH_PROPERTY), System.getProperty(CHILD_PROPERTY),
                    System.getProperty("dln.kernels"),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    System.getProperty("java.home"), System.getProperty("java.class.path"));
        }
    }

    /** The child's command line, or empty when this JVM should run the command itself. */
    static Optional<List<String>> childCommand(Jvm jvm, String[] args) {
        if (jvm.moduleLoaded() || !jvm.moduleAvailable()) return Optional.empty();
        if ("false".equalsIgnoreCase(jvm.relaunchProperty()) || jvm.childProperty() != null) return Optional.empty();
        if ("scalar".equalsIgnoreCase(jvm.kernelsProperty())) return Optional.empty();
        if (jvm.classPath() == null || jvm.classPath().isEmpty() || jvm.javaHome() == null) return Optional.empty();
        for (String o : jvm.jvmOptions())
            if (o.startsWith("-agentlib:") || o.startsWith("-javaagent:") || o.startsWith("-Xrunjdwp")
                    || o.startsWith("-agentpath:")) return Optional.empty();
        String command = null;
        for (String a : args) {
            if (INFO_OPTIONS.contains(a)) return Optional.empty();
            if (command == null && !a.startsWith("-")) command = a;
        }
        if (command != null && !COMMANDS.contains(command)) return Optional.empty();
        List<String> cmd = new ArrayList<>();
        cmd.add(jvm.javaHome() + java.io.File.separator + "bin" + java.io.File.separator + "java");
        cmd.addAll(jvm.jvmOptions());
        cmd.add("--add-modules");
        cmd.add(MODULE);
        cmd.add("-D" + CHILD_PROPERTY + "=true");
        cmd.add("-cp");
        cmd.add(jvm.classPath());
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /**
     * Runs the command in a child JVM with the Vector API when {@link #childCommand} says so.
     *
     * @return the child's exit status, or empty when this JVM should run the command itself (also when
     *         the child could not be started)
     */
    static OptionalInt run(String[] args) {
        Optional<List<String>> cmd;
        try {
            cmd = childCommand(Jvm.current(), args);
        } catch (RuntimeException | Error e) {
            return OptionalInt.empty();
        }
        if (cmd.isEmpty()) return OptionalInt.empty();
        Process child;
        try {
            child = new ProcessBuilder(cmd.get())
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        Thread hook = new Thread(child::destroy, "dln-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread copier = new Thread(() -> copyStderr(child, System.err), "dln-relaunch-stderr");
        copier.setDaemon(true);
        copier.start();
        int code;
        try {
            code = child.waitFor();
            copier.join(2000);
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            code = 1;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
        return OptionalInt.of(code);
    }

    /** the child's stderr, line by line, without the incubator-module warning */
    static void copyStderr(Process child, PrintStream to) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals(INCUBATOR_WARNING)) continue;
                to.println(line);
                to.flush();
            }
        } catch (IOException ignored) {
            // the child went away
        }
    }
}

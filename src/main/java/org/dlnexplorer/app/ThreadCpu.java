package org.dlnexplorer.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the process's CPU time goes, by the app's threads: the simulation (its member and theory threads),
 * the chart painters, the FX thread, Prism's render thread, the phase-diagram sweep, and the rest (garbage
 * collection, the JIT compilers, other threads) as the process's CPU time minus those. CPU time, so that a
 * loaded machine's waiting does not count: the fair measure of what one picture costs on a shared machine.
 */
final class ThreadCpu {
    /** the groups, in report order ("other" last) */
    static final String[] GROUPS = {"simulation", "painters", "fx", "render", "sweep", "other"};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {}

    /** the group of a thread by its name, or null (counted in "other") */
    static String group(String thread) {
        if (thread.startsWith("dln-simulation") || thread.startsWith("dln-theory")) return "simulation";
        if (thread.startsWith("dln-chart-render-")) return "painters";
        // the application thread: "JavaFX Application Thread" on desktop platforms, "Event Thread" under Monocle
        if (thread.equals("JavaFX Application Thread") || thread.equals("Event Thread")) return "fx";
        if (thread.startsWith("QuantumRenderer")) return "render";
        if (thread.startsWith("dln-sweep-")) return "sweep";
        return null;
    }

    /** CPU nanoseconds used so far per group ("other": the process's rest); empty when not measurable */
    static Map<String, Long> now() {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()
                || !(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os))
            return out;
        long process = os.getProcessCpuTime();
        for (String g : GROUPS) out.put(g, 0L);
        long named = 0;
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) continue;
            String g = group(infos[i].getThreadName());
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (g == null || cpu < 0) continue;
            out.merge(g, cpu, Long::sum);
            named += cpu;
        }
        out.put("other", Math.max(0, process - named));
        return out;
    }

    /**
     * Milliseconds of CPU per group between two readings, divided by per (e.g. the pictures shown); threads
     * that ended in between are missed (their time shows in "other").
     */
    static Map<String, Double> between(Map<String, Long> from, Map<String, Long> to, double per) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : to.entrySet())
            out.put(e.getKey(), Math.max(0, e.getValue() - from.getOrDefault(e.getKey(), 0L)) / 1e6 / per);
        return out;
    }
}

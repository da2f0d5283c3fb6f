package fr.marelle.benchmarks;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the CPU went during a cell, on a machine whose two cores are shared by the benchmark JVM, PostgreSQL and
 * other people's work: CPU time of this JVM, of the PostgreSQL processes serving the benchmark database (its
 * backends, plus the server's auxiliary processes such as the WAL writer), and of everything else on the machine.
 * Linux only (reads /proc); figures are 0 elsewhere.
 */
final class CpuMeter {

    private static final double TICK_NANOS = 1e9 / 100; // USER_HZ is 100 on Linux

    record Sample(long jvmNanos, Map<Integer, Long> pgTicks, long machineBusyTicks, long machineTotalTicks) {
    }

    record Usage(double jvmSeconds, double postgresSeconds, double othersSeconds, double wallCapacitySeconds) {

        Usage plus(Usage other) {
            return new Usage(jvmSeconds + other.jvmSeconds, postgresSeconds + other.postgresSeconds,
                    othersSeconds + other.othersSeconds, wallCapacitySeconds + other.wallCapacitySeconds);
        }
    }

    private final DataSource dataSource;

    CpuMeter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Sample sample() throws SQLException {
        Map<Integer, Long> pg = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity "
                     + "WHERE datname = current_database() OR datname IS NULL")) {
            while (rs.next()) {
                int pid = rs.getInt(1);
                pg.put(pid, processTicks(pid));
            }
        }
        long[] machine = machineTicks();
        return new Sample(jvmNanos(), pg, machine[0], machine[1]);
    }

    static Usage between(Sample before, Sample after) {
        double jvm = (after.jvmNanos - before.jvmNanos) / 1e9;
        long pgTicks = 0;
        for (var e : after.pgTicks.entrySet()) {
            pgTicks += e.getValue() - before.pgTicks.getOrDefault(e.getKey(), 0L);
        }
        double pg = pgTicks * TICK_NANOS / 1e9;
        double busy = (after.machineBusyTicks - before.machineBusyTicks) * TICK_NANOS / 1e9;
        double total = (after.machineTotalTicks - before.machineTotalTicks) * TICK_NANOS / 1e9;
        return new Usage(jvm, pg, Math.max(0, busy - jvm - pg), total);
    }

    private static long jvmNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** utime + stime of a process, in clock ticks. */
    private static long processTicks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy and total clock ticks of all CPUs. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            long busy = user + nice + system + irq + softirq + steal;
            return new long[]{busy, busy + idle + iowait};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}

package fr.marelle.benchmarks.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a benchmark reads of the machine it shares with PostgreSQL and other people's work: CPU time of a process
 * (this JVM, a service's, PostgreSQL's), the machine's busy and total CPU time, the load average, a free port.
 * Linux only (reads /proc): elsewhere CPU figures are 0 and the load average "n/a".
 */
public final class Machine {

    /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
    public static final double TICKS_PER_SECOND = 100;

    /** Busy and total CPU time of all the machine's CPUs since boot, in clock ticks. */
    public record Ticks(long busy, long total) {

        /** Share of the CPU time between {@code before} and this sample that was busy, in percent. */
        public double busyPercentSince(Ticks before) {
            return 100.0 * (busy - before.busy) / Math.max(1, total - before.total);
        }
    }

    private Machine() {
    }

    /** Clock ticks as seconds. */
    public static double seconds(long ticks) {
        return ticks / TICKS_PER_SECOND;
    }

    /** utime + stime of a process, in clock ticks; 0 when it cannot be read (gone, or not Linux). */
    public static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The machine's CPU time from the first line of /proc/stat: busy = user + nice + system + irq + softirq + steal,
     * total = busy + idle + iowait (guest time is already counted in user and nice).
     */
    public static Ticks ticks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[]{1, 2, 3, 6, 7}) {
                busy += Long.parseLong(f[i]);
            }
            busy += f.length > 8 ? Long.parseLong(f[8]) : 0;
            return new Ticks(busy, busy + Long.parseLong(f[4]) + Long.parseLong(f[5]));
        } catch (IOException | RuntimeException e) {
            return new Ticks(0, 0);
        }
    }

    /** CPU time of this JVM so far, in nanoseconds. */
    public static long jvmCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /**
     * CPU ticks of the PostgreSQL processes serving the connection's database and of the server's own processes
     * (WAL writer, checkpointer…: those without a database), by pid.
     */
    public static Map<Integer, Long> postgresTicks(Connection c) throws SQLException {
        Map<Integer, Long> ticks = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity "
                + "WHERE datname = current_database() OR datname IS NULL")) {
            while (rs.next()) {
                ticks.put(rs.getInt(1), processTicks(rs.getInt(1)));
            }
        }
        return ticks;
    }

    /** The ticks the processes of {@code after} used since {@code before} (a process new since then counts whole). */
    public static long ticksBetween(Map<Integer, Long> before, Map<Integer, Long> after) {
        long ticks = 0;
        for (Map.Entry<Integer, Long> e : after.entrySet()) {
            ticks += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return ticks;
    }

    /** The 1, 5 and 15-minute load averages, e.g. "2.13 3.40 4.02"; "n/a" when unknown. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** A TCP port that nothing listened on a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

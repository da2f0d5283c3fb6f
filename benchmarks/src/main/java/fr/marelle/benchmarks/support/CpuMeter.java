package fr.marelle.benchmarks.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where the CPU went during a measure, on a machine whose two cores are shared by the benchmark JVM, PostgreSQL and
 * other people's work: CPU time of this JVM, of the PostgreSQL processes serving the benchmark database (its
 * backends, plus the server's auxiliary processes such as the WAL writer), and of everything else on the machine.
 * Linux only (reads /proc, see {@link Machine}); figures are 0 elsewhere.
 */
public final class CpuMeter {

    public record Sample(long jvmNanos, Map<Integer, Long> pgTicks, Machine.Ticks machine) {
    }

    public record Usage(double jvmSeconds, double postgresSeconds, double othersSeconds, double wallCapacitySeconds) {

        public Usage plus(Usage other) {
            return new Usage(jvmSeconds + other.jvmSeconds, postgresSeconds + other.postgresSeconds,
                    othersSeconds + other.othersSeconds, wallCapacitySeconds + other.wallCapacitySeconds);
        }
    }

    private final DataSource dataSource;

    /** A meter of the PostgreSQL processes serving {@code dataSource}'s database. */
    public CpuMeter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Sample sample() throws SQLException {
        Map<Integer, Long> pg;
        try (Connection c = dataSource.getConnection()) {
            pg = Machine.postgresTicks(c);
        }
        Machine.Ticks machine = Machine.ticks();
        return new Sample(Machine.jvmCpuNanos(), pg, machine);
    }

    public static Usage between(Sample before, Sample after) {
        double jvm = (after.jvmNanos - before.jvmNanos) / 1e9;
        double pg = Machine.seconds(Machine.ticksBetween(before.pgTicks, after.pgTicks));
        double busy = Machine.seconds(after.machine.busy() - before.machine.busy());
        double total = Machine.seconds(after.machine.total() - before.machine.total());
        return new Usage(jvm, pg, Math.max(0, busy - jvm - pg), total);
    }
}

package fr.marelle.benchmarks;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Diagnostic only ({@code --jdbc-timing}): wraps the application's DataSource so that every JDBC call that may cost
 * a round trip to PostgreSQL (borrowing a connection, executing, committing, returning it to the pool) is counted and
 * timed by kind. Per command, the time outside these calls is the framework's own work (and waiting for a CPU).
 */
public final class JdbcTiming {

    private static final Set<String> TIMED_CONNECTION = Set.of("commit", "rollback", "setAutoCommit", "close",
            "prepareStatement", "createStatement", "setReadOnly", "setTransactionIsolation", "isValid");
    private static final Set<String> TIMED_STATEMENT = Set.of("execute", "executeUpdate", "executeQuery",
            "executeBatch", "executeLargeUpdate", "executeLargeBatch");
    private static final Map<String, LongAdder[]> CALLS = new ConcurrentHashMap<>();

    private JdbcTiming() {
    }

    public static DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(JdbcTiming.class.getClassLoader(), new Class<?>[]{DataSource.class},
                new Handler(target, method -> "getConnection".equals(method.getName()) ? "borrow connection" : null,
                        result -> result instanceof Connection c ? connection(c) : result));
    }

    public static boolean isWrapped(DataSource dataSource) {
        return Proxy.isProxyClass(dataSource.getClass())
                && Proxy.getInvocationHandler(dataSource) instanceof Handler;
    }

    private static Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(JdbcTiming.class.getClassLoader(), new Class<?>[]{Connection.class},
                new Handler(target, method -> TIMED_CONNECTION.contains(method.getName())
                        ? (method.getName().equals("close") ? "return connection" : method.getName()) : null,
                        null) {
                    @Override
                    Object after(Method method, Object[] args, Object result) {
                        if (result instanceof PreparedStatement p && args != null && args[0] instanceof String sql) {
                            return statement(p, PreparedStatement.class, sql);
                        }
                        if (result instanceof Statement s && !(result instanceof PreparedStatement)) {
                            return statement(s, Statement.class, null);
                        }
                        return result;
                    }
                });
    }

    private static Object statement(Statement target, Class<?> type, String preparedSql) {
        return Proxy.newProxyInstance(JdbcTiming.class.getClassLoader(), new Class<?>[]{type},
                new Handler(target, null, null) {
                    @Override
                    String kind(Method method, Object[] args) {
                        if (!TIMED_STATEMENT.contains(method.getName())) {
                            return null;
                        }
                        String sql = preparedSql != null ? preparedSql
                                : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                        return method.getName() + " " + shorten(sql);
                    }
                });
    }

    static String shorten(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 60 ? flat.substring(0, 60) + "…" : flat;
    }

    /** Counts and total nanoseconds by kind of call since the last reset. */
    public static Map<String, long[]> snapshotAndReset() {
        Map<String, long[]> out = new TreeMap<>();
        CALLS.forEach((kind, adders) -> {
            long count = adders[0].sumThenReset();
            long nanos = adders[1].sumThenReset();
            if (count > 0) {
                out.put(kind, new long[]{count, nanos});
            }
        });
        return out;
    }

    private static void record(String kind, long nanos) {
        LongAdder[] adders = CALLS.computeIfAbsent(kind, k -> new LongAdder[]{new LongAdder(), new LongAdder()});
        adders[0].increment();
        adders[1].add(nanos);
    }

    private static class Handler implements InvocationHandler {
        private final Object target;
        private final java.util.function.Function<Method, String> kinds;
        private final java.util.function.UnaryOperator<Object> wrapResult;

        Handler(Object target, java.util.function.Function<Method, String> kinds,
                java.util.function.UnaryOperator<Object> wrapResult) {
            this.target = target;
            this.kinds = kinds;
            this.wrapResult = wrapResult;
        }

        String kind(Method method, Object[] args) {
            return kinds == null ? null : kinds.apply(method);
        }

        Object after(Method method, Object[] args, Object result) {
            return wrapResult == null ? result : wrapResult.apply(result);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c
                    && c.isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> c
                    && c.isInstance(target)) {
                return true;
            }
            String kind = kind(method, args);
            long start = kind == null ? 0 : System.nanoTime();
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (kind != null) {
                    record(kind, System.nanoTime() - start);
                }
            }
            return after(method, args, result);
        }
    }
}

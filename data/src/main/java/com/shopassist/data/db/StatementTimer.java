package com.shopassist.data.db;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/**
 * Times every mapped statement from the call to its result: the database round trip as the app
 * feels it (network, server, row mapping), as {@code db.statement} tagged {@code kind} (select,
 * insert, update, delete). Not tagged by statement id: a metric per statement would be a few
 * hundred time series per kiosk, more than a store's collector should carry.
 */
@Intercepts({
    @Signature(
            type = Executor.class,
            method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
    @Signature(
            type = Executor.class,
            method = "query",
            args = {
                MappedStatement.class,
                Object.class,
                RowBounds.class,
                ResultHandler.class,
                CacheKey.class,
                BoundSql.class
            }),
    @Signature(
            type = Executor.class,
            method = "update",
            args = {MappedStatement.class, Object.class})
})
final class StatementTimer implements Interceptor {

    private final Timer select;
    private final Timer insert;
    private final Timer update;
    private final Timer delete;

    StatementTimer(MeterRegistry registry) {
        this.select = timer(registry, "select");
        this.insert = timer(registry, "insert");
        this.update = timer(registry, "update");
        this.delete = timer(registry, "delete");
    }

    private static Timer timer(MeterRegistry registry, String kind) {
        return Timer.builder("db.statement")
                .description("round trip of one mapped statement")
                .tag("kind", kind)
                .publishPercentiles(0.5, 0.95)
                .register(registry);
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        long t0 = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            MappedStatement ms = (MappedStatement) invocation.getArgs()[0];
            Timer t = switch (ms.getSqlCommandType()) {
                case INSERT -> insert;
                case UPDATE -> update;
                case DELETE -> delete;
                default -> select;
            };
            t.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void setProperties(Properties properties) {
        // nothing to configure
    }
}

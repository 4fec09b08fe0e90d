package org.baton.shared;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, lets the JDBC driver send a batch of inserts as one multi-row INSERT ({@code reWriteBatchedInserts}):
 * a ticket's timeline entries of one change, a new ticket's service-level clocks, the notifications of a group. The
 * server then plans and runs one statement instead of one per row. Nothing reads the per-row counts such a batch no
 * longer reports. Set on the pool before it opens its first connection, unless the URL or the pool's properties already
 * say; H2 would refuse the unknown setting, so it gets none.
 */
@Component
class PostgresBatchInserts implements BeanPostProcessor {

    static final String PROPERTY = "reWriteBatchedInserts";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            String url = pool.getJdbcUrl();
            if (url != null && url.startsWith("jdbc:postgresql:") && !url.contains(PROPERTY)
                    && !pool.getDataSourceProperties().containsKey(PROPERTY)) {
                pool.addDataSourceProperty(PROPERTY, "true");
            }
        }
        return bean;
    }
}

package org.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresBatchInsertsTests {

    final PostgresBatchInserts processor = new PostgresBatchInserts();

    @Test
    void aPostgresPoolRewritesBatchedInserts() {
        HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/baton");

        processor.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
    }

    @Test
    void anH2PoolGetsNoSettingItWouldRefuse() {
        HikariDataSource pool = pool("jdbc:h2:mem:baton");

        processor.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).isEmpty();
    }

    @Test
    void whatTheOperatorSetIsKept() {
        HikariDataSource inUrl = pool("jdbc:postgresql://127.0.0.1:5432/baton?reWriteBatchedInserts=false");
        HikariDataSource inPool = pool("jdbc:postgresql://127.0.0.1:5432/baton");
        inPool.addDataSourceProperty("reWriteBatchedInserts", "false");

        processor.postProcessAfterInitialization(inUrl, "dataSource");
        processor.postProcessAfterInitialization(inPool, "dataSource");

        assertThat(inUrl.getDataSourceProperties()).isEmpty();
        assertThat(inPool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "false");
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}

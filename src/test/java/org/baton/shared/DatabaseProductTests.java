package org.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DatabaseProductTests {

    @Test
    void tellsH2FromPostgresql() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:database-product;MODE=PostgreSQL");
        DatabaseProduct product = new DatabaseProduct(h2);
        assertThat(product.isH2()).isTrue();
        assertThat(product.isPostgres()).as("H2 in PostgreSQL mode is still H2").isFalse();
    }

    @Test
    void aDatabaseThatCannotBeAskedIsNeither() {
        JdbcDataSource unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:file:/nonexistent-dir/for/sure/db;IFEXISTS=TRUE");
        DatabaseProduct product = new DatabaseProduct(unreachable);
        assertThat(product.isH2()).isFalse();
        assertThat(product.isPostgres()).isFalse();
    }
}

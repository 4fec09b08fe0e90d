package org.baton.shared;

import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which database Baton runs on (PostgreSQL in production, H2 embedded), asked once of the connection's metadata:
 * for the few statements that are written differently for one of them (a lock that skips locked rows, an index hint).
 */
@Component
public class DatabaseProduct {

    private final DataSource dataSource;
    private volatile @Nullable String name;

    DatabaseProduct(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isPostgres() {
        return name().contains("postgres");
    }

    public boolean isH2() {
        return name().contains("h2");
    }

    /** The product name in lower case; empty (neither of the two) when the database cannot be asked, asked again next time. */
    private String name() {
        String known = name;
        if (known == null) {
            try {
                String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
                known = Objects.requireNonNullElse(product, "").toLowerCase(Locale.ROOT);
            } catch (MetaDataAccessException e) {
                return "";
            }
            name = known;
        }
        return known;
    }
}

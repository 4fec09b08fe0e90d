package org.baton.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between Java values and JDBC values that behave the same on H2 and PostgreSQL
 * (pgjdbc returns {@code Timestamp} for {@code getObject} on timestamptz, H2 an OffsetDateTime).
 */
public final class SqlValues {

    private SqlValues() {}

    public static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs, rs.findColumn(column));
    }

    public static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        return requiredInstant(rs, rs.findColumn(column));
    }

    /** The instant in column {@code column} (1-based), null for SQL NULL: for readers that looked the column up once. */
    public static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant requiredInstant(ResultSet rs, int column) throws SQLException {
        return required(instant(rs, column), rs, column);
    }

    public static @Nullable UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static UUID requiredUuid(ResultSet rs, int column) throws SQLException {
        return required(uuid(rs, column), rs, column);
    }

    private static <T> T required(@Nullable T value, ResultSet rs, int column) throws SQLException {
        if (value == null) {
            throw new SQLException("column " + rs.getMetaData().getColumnLabel(column) + " is null");
        }
        return value;
    }

    public static @Nullable UUID uuid(ResultSet rs, String column) throws SQLException {
        return uuid(rs, rs.findColumn(column));
    }

    public static UUID requiredUuid(ResultSet rs, String column) throws SQLException {
        return requiredUuid(rs, rs.findColumn(column));
    }
}

package io.chargebase.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.chargebase.domain.Page;

/**
 * The shape every id-ordered list query shares: a filter, a total, and a page after a given id with one row more than
 * asked to learn whether another page follows. Row-level security still decides which rows exist at all.
 */
public final class SqlSearch {

    private final String table;
    private final String columns;
    private final StringBuilder where = new StringBuilder(" where true");
    private final List<Object> params = new ArrayList<>();

    private SqlSearch(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    public static SqlSearch from(String table, String columns) {
        return new SqlSearch(table, columns);
    }

    /** Keeps rows where any of the columns contains the text, ignoring case; no condition when text is null. */
    public SqlSearch containing(String text, String... searched) {
        if (text != null) {
            String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            List<String> conditions = new ArrayList<>();
            for (String column : searched) {
                conditions.add(column + " ilike ?");
                params.add(pattern);
            }
            where.append(" and (").append(String.join(" or ", conditions)).append(")");
        }
        return this;
    }

    /** Keeps rows whose column equals the value; no condition when the value is null. */
    public SqlSearch equal(String column, Object value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
        return this;
    }

    public <T> Page<T> page(JdbcClient jdbc, UUID afterId, int limit, RowMapper<T> mapper) {
        long total = jdbc.sql("select count(*) from " + table + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        String keyset = "";
        if (afterId != null) {
            keyset = " and id > ?";
            pageParams.add(afterId);
        }
        pageParams.add(limit + 1);
        List<T> rows = jdbc.sql("select " + columns + " from " + table + where + keyset + " order by id limit ?")
                .params(pageParams).query(mapper).list();
        boolean more = rows.size() > limit;
        return new Page<>(more ? rows.subList(0, limit) : rows, more, total);
    }
}

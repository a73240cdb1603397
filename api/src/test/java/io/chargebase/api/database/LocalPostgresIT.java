package io.chargebase.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local mode's embedded server keeps what it committed: it runs with the durability settings of a production server. */
class LocalPostgresIT {

    @TempDir
    Path dataDirectory;

    @Test
    void runsWithFsyncAndSynchronousCommitOn() throws Exception {
        try (LocalPostgres local = LocalPostgres.start(dataDirectory)) {
            DatabaseTarget target = local.target();
            try (Connection connection = DriverManager.getConnection(target.url(), target.username(), target.password())) {
                assertThat(show(connection, "fsync")).isEqualTo("on");
                assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(show(connection, "full_page_writes")).isEqualTo("on");
            }
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

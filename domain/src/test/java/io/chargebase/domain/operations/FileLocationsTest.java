package io.chargebase.domain.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;

class FileLocationsTest {

    private static final List<String> APPROVED = List.of("ftp://diag:s3cret@files.example.com/uploads", "https://logs.example.com:8443/in/");

    @Test
    void onlyAbsoluteFileServerAddressesAreAccepted() {
        assertThat(FileLocations.validated("location", "ftp://files.example.com/fw.bin")).isEqualTo("ftp://files.example.com/fw.bin");
        assertThat(FileLocations.validated("location", "HTTPS://cdn.example.com/x")).isEqualTo("HTTPS://cdn.example.com/x");
        for (String bad : List.of("file:///etc/passwd", "javascript:alert(1)", "/relative/path", "ftp:///no-host", "http://a b/",
                "gopher://old.example.com/", "http://host/" + "x".repeat(600))) {
            assertThatThrownBy(() -> FileLocations.validated("location", bad)).as(bad).isInstanceOf(DomainException.class);
        }
    }

    @Test
    void credentialsAreTakenOutForShowing() {
        assertThat(FileLocations.withoutCredentials("ftp://diag:s3cret@files.example.com/uploads")).isEqualTo("ftp://files.example.com/uploads");
        assertThat(FileLocations.withoutCredentials("https://logs.example.com:8443/in/?t=1")).isEqualTo("https://logs.example.com:8443/in/?t=1");
        assertThat(FileLocations.withoutCredentials("plain text")).isEqualTo("plain text");
    }

    @Test
    void aNarrowedCallerNamesAnApprovedPlaceOrOneBelowItAndGetsItsCredentials() {
        assertThat(FileLocations.under("ftp://files.example.com/uploads", APPROVED)).contains("ftp://diag:s3cret@files.example.com/uploads");
        assertThat(FileLocations.under("ftp://files.example.com/uploads/cp-17/", APPROVED)).contains("ftp://diag:s3cret@files.example.com/uploads/cp-17/");
        assertThat(FileLocations.under("https://logs.example.com:8443/in/a", APPROVED)).contains("https://logs.example.com:8443/in/a");
        for (String outside : List.of("ftp://files.example.com/uploads-other/", "ftp://files.example.com/uploads/../etc/",
                "ftp://files.example.com.evil.example/uploads/", "ftp://me:pw@files.example.com/uploads/", "https://logs.example.com/in/a",
                "http://files.example.com/uploads/", "ftp://files.example.com/uploads/x?y=1", "ftp://attacker.example/")) {
            assertThat(FileLocations.under(outside, APPROVED)).as(outside).isEmpty();
        }
    }
}

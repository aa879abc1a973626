package io.hyperlab.history;

import io.hyperlab.HyperLabException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Opening the SQLite file and turning its failures into messages a user can act on. */
final class Database {
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private Database() {
    }

    /** Refuses, before SQLite touches anything, a path that cannot hold a writable database. */
    static void checkUsable(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(folder)) {
                createOwnerOnly(folder, true);
            }
            if (!Files.exists(file) && Files.isWritable(folder)) {
                // Made owner-only before SQLite writes into it; SQLite gives its -wal and -shm the same mode.
                createOwnerOnly(file, false);
            }
        } catch (IOException e) {
            throw new HyperLabException("cannot create the history folder " + folder + ": " + describe(e)
                + "; choose another folder with --data");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new HyperLabException("the history database " + file + " is not a regular file; choose another --data folder");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new HyperLabException("the history database " + file + " is not writable by this user;"
                + " fix its permissions or choose another --data folder");
        }
        if (!Files.isWritable(folder)) {
            throw new HyperLabException("the history folder " + folder + " is not writable by this user"
                + " (SQLite keeps its journal beside the database); fix its permissions or choose another --data folder");
        }
    }

    /** Makes the database and its journals readable by their owner only (they hold host passwords), where the file system can. */
    static void restrictToOwner(Path file) {
        for (Path path : List.of(file, Path.of(file + "-wal"), Path.of(file + "-shm"))) {
            try {
                if (Files.exists(path)) {
                    Files.setPosixFilePermissions(path, OWNER_ONLY_FILE);
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // Not ours to change, or no POSIX modes: ownerOnly() tells, and passwords are refused.
            }
        }
    }

    /** Whether the database and its journals can be read by their owner only. */
    static boolean ownerOnly(Path file) {
        for (Path path : List.of(file, Path.of(file + "-wal"), Path.of(file + "-shm"))) {
            try {
                if (Files.exists(path) && !OWNER_ONLY_FILE.containsAll(Files.getPosixFilePermissions(path))) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    private static void createOwnerOnly(Path path, boolean folder) throws IOException {
        try {
            if (folder) {
                Files.createDirectories(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            } else {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            }
        } catch (FileAlreadyExistsException e) {
            // Another process opening the same new history made it first: that one is as good.
        } catch (UnsupportedOperationException e) {
            if (folder) {
                Files.createDirectories(path);
            } else {
                Files.createFile(path);
            }
        }
    }

    static Connection connect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
        while (true) {
            try {
                return config.createConnection("jdbc:sqlite:" + file);
            } catch (SQLException e) {
                // Two openers of a new database both switch it to WAL at once; SQLite answers one of them BUSY at
                // once, without its busy handler (waiting could deadlock them), so that one tries again here.
                if (!busy(e) || System.nanoTime() > deadline) {
                    throw failure(file, e);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure(file, e);
                }
            }
        }
    }

    private static boolean busy(SQLException e) {
        String base = primaryCode(e);
        return "SQLITE_BUSY".equals(base) || "SQLITE_LOCKED".equals(base);
    }

    /** The primary result code's name (e.g. SQLITE_BUSY), or "" where the failure is not SQLite's own. */
    private static String primaryCode(SQLException e) {
        return e instanceof SQLiteException sqlite ? primary(sqlite.getResultCode()) : "";
    }

    /** A SQLite failure as a message that names the file and says what to do. */
    static HyperLabException failure(Path file, SQLException e) {
        String base = primaryCode(e);
        if ("SQLITE_NOTADB".equals(base) || "SQLITE_CORRUPT".equals(base)) {
            return new HyperLabException("the history database " + file + " is damaged or not a SQLite database ("
                + e.getMessage() + "); it was left untouched: move it aside to start a new history, or restore a backup", e);
        }
        if ("SQLITE_READONLY".equals(base) || "SQLITE_CANTOPEN".equals(base) || "SQLITE_PERM".equals(base)) {
            return new HyperLabException("the history database " + file + " cannot be opened for writing ("
                + e.getMessage() + "); fix its permissions or choose another --data folder", e);
        }
        if ("SQLITE_BUSY".equals(base) || "SQLITE_LOCKED".equals(base)) {
            return new HyperLabException("the history database " + file + " stayed locked by another process for "
                + BUSY_TIMEOUT_MS / 1000 + " s; try again when it is done", e);
        }
        if ("SQLITE_FULL".equals(base) || "SQLITE_IOERR".equals(base)) {
            return new HyperLabException("the history database " + file + " could not be written (" + e.getMessage()
                + "); check the disk has room and works", e);
        }
        return new HyperLabException("the history database " + file + " failed: " + e.getMessage(), e);
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing after a failure: the first error is the one worth reporting.
        }
    }

    /** The primary result code of an extended one: SQLITE_IOERR_WRITE is an SQLITE_IOERR. */
    private static String primary(SQLiteErrorCode code) {
        for (SQLiteErrorCode candidate : SQLiteErrorCode.values()) {
            if (candidate.code == (code.code & 0xff)) {
                return candidate.name();
            }
        }
        return code.name();
    }

    private static String describe(IOException e) {
        String reason = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? reason : reason + " " + e.getMessage();
    }
}
